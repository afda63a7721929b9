"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { applicationsQueryKey } from "@/components/applications/data/applications-query-key";
import { applicationWithSameName, nameKey } from "@/lib/applications/same-name";
import type { ApplicationListData } from "@/lib/applications/listed-application";

/**
 * Stops a create whose name reads the same as an application the list already shows, until the
 * admin confirms ("Create anyway"). Reads react-query's cache of the list, so it costs no request;
 * with no list in the cache (it failed to load) there is nothing to compare and nothing is held
 * back. `typedName` is the name field's current value: the warning goes away once it changes.
 */
export function useSameNameCheck(entityId: string, typedName: string) {
  const queryClient = useQueryClient();
  const [existing, setExisting] = useState<string | null>(null);
  // The name the admin confirmed, as nameKey() reads it.
  const accepted = useRef<string | null>(null);

  return {
    /** The existing application's name while the warning stands, else null. */
    existing: existing !== null && nameKey(typedName) === nameKey(existing) ? existing : null,
    /** Whether the submit of `name` must stop for the warning. */
    holdsBack(name: string): boolean {
      const cached = queryClient.getQueryData<ApplicationListData>(applicationsQueryKey(entityId));
      const twin = applicationWithSameName(name, cached?.applications ?? []);
      if (!twin || accepted.current === nameKey(name)) return false;
      setExisting(twin.name);
      return true;
    },
    accept() {
      accepted.current = existing === null ? null : nameKey(existing);
      setExisting(null);
    },
    reset() {
      accepted.current = null;
      setExisting(null);
    },
  };
}
