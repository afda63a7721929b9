import { FullTextTooltip } from "@/components/applications/display/full-text-tooltip";
import { NotRecorded } from "@/components/applications/record/record-texts";
import { secretAgeWords } from "@/lib/applications/record-words";
import { secretAge, type PublicRecord } from "@/lib/applications/record/public-record";
import {
  describeStanding,
  secretStanding,
  type SecretStanding,
} from "@/lib/applications/secret-policy";
import { cn } from "@/lib/utils";

const focusable =
  "rounded-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-1 focus-visible:outline-none";

/** Weight by risk: overdue in the destructive tone, due soon in the warning tone, the rest quiet. */
const TONE: Record<SecretStanding["state"], string> = {
  overdue: "font-semibold text-destructive",
  due: "font-medium text-warning-strong",
  ok: "text-body",
  unknown: "text-body",
  off: "text-body",
};

/**
 * The list's secret cell: where the secret stands under the rotation policy ("due in 12 days",
 * "due today", "overdue by 3 days"; secret-policy.ts), with its age below; a secret issued outside
 * the console that is not provably due reads "at least N days old, age unknown"; with the policy
 * off, the age alone. The exact date (and who issued it) is on hover and keyboard focus, and in
 * the DOM for screen readers. `now` is what the list's ages count to.
 */
export function SecretDueCell({
  record,
  now,
  maxAgeDays,
}: {
  record: PublicRecord | null;
  now: number;
  maxAgeDays: number;
}) {
  if (!record) return <NotRecorded />;
  const { text, detail } = secretAgeWords(record, now);
  const standing = secretStanding(secretAge(record, now), { maxAgeDays });
  const due = standing.state === "unknown" ? null : describeStanding(standing);
  const ageText = standing.state === "unknown" ? describeStanding(standing) : text;
  return (
    <span className="grid gap-0.5" data-standing={standing.state}>
      {due ? (
        <span className={TONE[standing.state]} data-testid="secret-due">
          {due}
        </span>
      ) : null}
      <FullTextTooltip text={detail}>
        <span
          tabIndex={0}
          className={cn(focusable, "inline-block", due && "text-xs text-muted-foreground")}
          data-testid="secret-age"
        >
          {due ? `${ageText} old` : ageText}
          <span className="sr-only">. {detail}</span>
        </span>
      </FullTextTooltip>
    </span>
  );
}
