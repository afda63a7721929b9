import Link from "next/link";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { TableCell, TableRow } from "@/components/ui/table";
import { isBlankText } from "@/lib/applications/display-text";
import { applicationPath } from "@/lib/applications/routes";
import { actionWords, outcomeWords } from "@/lib/audit/activity-words";
import type { ActivityEvent } from "@/lib/audit/read";
import type { AuditChanges } from "@/lib/audit/write";
import { EventChanges } from "./event-changes";

const OUTCOME_BADGE: Record<string, BadgeProps["variant"]> = {
  succeeded: "success",
  failed: "risk-high",
  unknown: "warning",
  refused: "neutral",
};

const linkClasses =
  "rounded-sm font-medium text-link hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none";

/** `2026-11-30 06:27:41 UTC`: one zone for every reader, the one the date filters use. */
export function formatEventTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/**
 * One audit event: when, who (name, email, role), what (the action in words and the application,
 * linked to its page unless the console's record says it is gone from Wink), the outcome in plain
 * words with the reason, and Wink's status and request id. Text from admins and Wink is in <bdi>.
 */
export function ActivityEventRow({
  event,
  entityId,
  gone,
}: {
  event: ActivityEvent;
  entityId: string;
  /** The application is no longer in Wink: its name is shown without a link. */
  gone: boolean;
}) {
  const name =
    event.applicationName && !isBlankText(event.applicationName)
      ? event.applicationName
      : "Unnamed application";
  return (
    <TableRow data-testid="activity-event" data-event-id={event.id} className="align-top">
      <TableCell className="whitespace-nowrap text-body tabular-nums">
        <time dateTime={event.occurredAt.toISOString()}>{formatEventTime(event.occurredAt)}</time>
      </TableCell>
      <TableCell>
        <div className="font-medium text-foreground" data-testid="event-actor-name">
          <bdi>{event.actorName || event.actorEmail || "Unknown person"}</bdi>
        </div>
        {event.actorEmail ? (
          <div className="text-xs text-muted-foreground" data-testid="event-actor-email">
            <bdi>{event.actorEmail}</bdi>
          </div>
        ) : null}
        {event.actorRole ? (
          <Badge variant="outline" className="mt-1">
            {event.actorRole === "admin" ? (
              "Admin"
            ) : event.actorRole === "viewer" ? (
              "Viewer"
            ) : (
              <bdi>{event.actorRole}</bdi>
            )}
          </Badge>
        ) : null}
      </TableCell>
      <TableCell className="whitespace-normal">
        <span data-testid="event-action">{actionWords(event.action)}</span>{" "}
        {event.applicationId ? (
          gone ? (
            <span data-testid="event-application">
              <bdi>{name}</bdi> <span className="text-muted-foreground">(deleted)</span>
            </span>
          ) : (
            <Link
              href={applicationPath(entityId, event.applicationId)}
              prefetch={false}
              className={linkClasses}
              data-testid="event-application"
            >
              <bdi>{name}</bdi>
            </Link>
          )
        ) : (
          <span className="text-muted-foreground">an application</span>
        )}
        {event.clientId ? (
          <div className="text-xs text-muted-foreground">
            Client ID{" "}
            <code className="font-mono" data-testid="event-client-id">
              <bdi>{event.clientId}</bdi>
            </code>
          </div>
        ) : null}
        <EventChanges changes={event.changes as AuditChanges | null} />
      </TableCell>
      <TableCell className="whitespace-normal">
        <Badge variant={OUTCOME_BADGE[event.outcome] ?? "neutral"} data-testid="event-outcome">
          {outcomeWords(event.outcome)}
        </Badge>
        {event.reason ? (
          <p className="mt-1 max-w-xs text-xs break-words text-body" data-testid="event-reason">
            <bdi>{event.reason}</bdi>
          </p>
        ) : null}
      </TableCell>
      <TableCell className="text-xs text-body">
        {event.winkStatus != null ? (
          <div data-testid="event-wink-status">HTTP {event.winkStatus}</div>
        ) : null}
        {event.winkRequestId ? (
          <code className="font-mono break-all" data-testid="event-request-id">
            <bdi>{event.winkRequestId}</bdi>
          </code>
        ) : event.winkStatus == null ? (
          <span className="text-muted-foreground">Not asked</span>
        ) : null}
      </TableCell>
    </TableRow>
  );
}
