import Link from "next/link";
import { ActivityTable } from "@/components/activity/activity-table";
import { activityPath } from "@/lib/applications/routes";
import { recentApplicationActivity } from "@/lib/audit/read";

const SHOWN = 20;

/**
 * The application's history: its last 20 audit events, newest first, and a link to the activity
 * page filtered to it. A server component that reads the console's database itself; when that
 * fails, the section says so and the rest of the page (Wink's data) still shows.
 */
export async function ApplicationHistory({
  entityId,
  applicationId,
}: {
  entityId: string;
  applicationId: string;
}) {
  const events = await recentApplicationActivity(entityId, applicationId, SHOWN).catch(() => null);
  const all = activityPath(entityId, { application: applicationId });
  return (
    <section
      aria-labelledby="history-heading"
      className="space-y-3"
      data-testid="application-history"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="history-heading" className="text-lg font-semibold text-foreground">
          History
        </h2>
        <Link
          href={all}
          className="text-sm font-medium text-link hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          All activity of this application
        </Link>
      </div>
      {events === null ? (
        <p className="text-sm text-body">
          The history cannot be read right now. Reload to try again.
        </p>
      ) : events.length ? (
        <ActivityTable
          events={events}
          entityId={entityId}
          goneApplicationIds={new Set()}
          caption={`The last ${SHOWN} events of this application, newest first`}
        />
      ) : (
        <p className="text-sm text-body">No changes through the console yet.</p>
      )}
    </section>
  );
}
