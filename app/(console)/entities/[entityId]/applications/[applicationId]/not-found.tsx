"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { applicationsPath } from "@/lib/applications/routes";

/**
 * Wink has no such application here (deleted, never existed, or the console's credential cannot
 * see it). A client component only to read the entity from the URL: not-found files get no params.
 */
export default function ApplicationNotFound() {
  const params = useParams<{ entityId?: string }>();
  const entityId = typeof params.entityId === "string" ? params.entityId : null;
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold text-foreground">Application not found</h1>
      <p className="max-w-prose text-body">
        Wink has no application with this ID in this managing entity. It may have been deleted, or
        the console&apos;s Wink credential cannot see it.
      </p>
      <Link
        href={entityId ? applicationsPath(entityId) : "/"}
        className="inline-block font-medium text-link underline underline-offset-4"
      >
        Back to applications
      </Link>
    </div>
  );
}
