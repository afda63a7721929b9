import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ActivityEvent } from "@/lib/audit/read";
import { ActivityEventRow } from "./activity-event-row";

/** Audit events, newest first, as a table with a caption for screen readers. */
export function ActivityTable({
  events,
  entityId,
  goneApplicationIds,
  caption,
}: {
  events: ActivityEvent[];
  entityId: string;
  goneApplicationIds: ReadonlySet<string>;
  caption: string;
}) {
  return (
    <Table data-testid="activity-table" wrapperClassName="rounded-lg border border-border bg-card">
      <caption className="sr-only">{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">When</TableHead>
          <TableHead scope="col">Who</TableHead>
          <TableHead scope="col">What</TableHead>
          <TableHead scope="col">Outcome</TableHead>
          <TableHead scope="col">Wink</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((event) => (
          <ActivityEventRow
            key={event.id}
            event={event}
            entityId={entityId}
            gone={event.applicationId ? goneApplicationIds.has(event.applicationId) : false}
          />
        ))}
      </TableBody>
    </Table>
  );
}
