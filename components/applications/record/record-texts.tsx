import { FullTextTooltip } from "@/components/applications/display/full-text-tooltip";
import type { PublicRecord } from "@/lib/applications/record/public-record";
import { clientTypeWords, secretAgeWords } from "@/lib/applications/record-words";

const focusable =
  "rounded-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-1 focus-visible:outline-none";

/** Shown where the record is unavailable: the cell is not empty, and says why to screen readers. */
export function NotRecorded() {
  return (
    <span className="text-muted-foreground">
      <span aria-hidden="true">—</span>
      <span className="sr-only">Not available</span>
    </span>
  );
}

/** "Web application", "SPA (set by an admin)", or "Unknown" with the guess marked as one. */
export function ClientTypeText({
  record,
  application,
}: {
  record: PublicRecord | null;
  application: { redirectUris: readonly string[] };
}) {
  if (!record) return <NotRecorded />;
  const words = clientTypeWords(record, application);
  return (
    <span className="grid gap-0.5" data-testid="client-type">
      <span className={record.clientType === null ? "text-body italic" : "text-foreground"}>
        {words.text}
      </span>
      {words.note ? <span className="text-xs text-muted-foreground">{words.note}</span> : null}
    </span>
  );
}

/**
 * "12 days" or "at least 40 days"; the exact date (and who issued it) on hover and on keyboard
 * focus, and in the DOM for screen readers.
 */
export function SecretAgeText({ record, now }: { record: PublicRecord | null; now: number }) {
  if (!record) return <NotRecorded />;
  const { text, detail } = secretAgeWords(record, now);
  return (
    <FullTextTooltip text={detail}>
      <span tabIndex={0} className={`${focusable} inline-block`} data-testid="secret-age">
        {text}
        <span className="sr-only">. {detail}</span>
      </span>
    </FullTextTooltip>
  );
}

/** Who created it in the console, or that it was created outside it. */
export function CreatedByText({ record }: { record: PublicRecord | null }) {
  if (!record) return <NotRecorded />;
  if (!record.createdBy) {
    return <span className="text-muted-foreground">Outside the console</span>;
  }
  return (
    <FullTextTooltip text={record.createdBy}>
      <span
        tabIndex={0}
        className={`${focusable} block max-w-28 truncate`}
        data-testid="created-by"
      >
        <bdi>{record.createdBy}</bdi>
      </span>
    </FullTextTooltip>
  );
}
