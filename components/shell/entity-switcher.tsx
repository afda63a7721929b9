"use client";

import { useRouter } from "next/navigation";
import { useId, useTransition } from "react";
import { applicationsPath } from "@/lib/applications/routes";

export interface EntityOption {
  id: string;
  name: string;
}

/**
 * Chooses the managing entity whose applications are shown. The entity is part of the URL, so a
 * link to a page can be shared. A native select: the most dependable control for keyboards and
 * screen readers.
 */
export function EntitySwitcher({
  entities,
  currentId,
}: {
  entities: EntityOption[];
  currentId: string;
}) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm text-muted-foreground">
        Entity
      </label>
      <select
        id={id}
        value={currentId}
        disabled={pending}
        aria-busy={pending}
        onChange={(event) => {
          const next = event.target.value;
          startTransition(() => router.push(applicationsPath(next)));
        }}
        className="max-w-64 rounded-md border border-border-strong bg-field px-2 py-1 text-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        {entities.map((entity) => (
          // An option holds text only: dir="auto" isolates a name from Wink instead of <bdi>.
          <option key={entity.id} value={entity.id} dir="auto">
            {entity.name}
          </option>
        ))}
      </select>
    </div>
  );
}
