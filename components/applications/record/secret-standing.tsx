import { Badge } from "@/components/ui/badge";
import { secretAge, type PublicRecord } from "@/lib/applications/record/public-record";
import {
  describeStanding,
  secretStanding,
  type SecretPolicy,
  type SecretStanding,
} from "@/lib/applications/secret-policy";

const VARIANT = {
  overdue: "risk-high",
  due: "warning",
  ok: "neutral",
  unknown: "neutral",
} as const;

/**
 * Where the secret stands under the rotation policy, as a badge: "overdue by 3 days" (red), "due in
 * 12 days" or "due today" (amber), "due in 40 days", "at least 20 days old, age unknown" (neutral).
 * Nothing when the policy is off (CONSOLE_SECRET_MAX_AGE_DAYS=0): the page shows the age alone.
 * The words come from lib/applications/secret-policy.ts, the same as the list's and the report's.
 */
export function SecretStandingBadge({ standing }: { standing: SecretStanding }) {
  const words = describeStanding(standing);
  if (standing.state === "off" || !words) return null;
  return (
    <Badge
      variant={VARIANT[standing.state]}
      data-testid="secret-standing"
      data-state={standing.state}
    >
      {words}
    </Badge>
  );
}

/** The standing of a record's secret at `now` under `policy`. */
export function recordStanding(
  record: PublicRecord,
  policy: SecretPolicy,
  now: number,
): SecretStanding {
  return secretStanding(secretAge(record, now), policy);
}
