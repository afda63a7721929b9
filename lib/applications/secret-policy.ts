/**
 * The secret-age policy: how old a client secret may grow before it is due for rotation
 * (`CONSOLE_SECRET_MAX_AGE_DAYS`, default 90, 0 = off). Pure, shared by the list, the application
 * page, the console credential's page and `npm run report:secrets`, so all four say the same thing.
 *
 * The rule, in whole days (an age comes from `secretAge()` in ./record/public-record.ts):
 * - due in N days while the age is below the limit (N = limit − age, so day 89 of 90 is "due in 1
 *   day");
 * - due today on the day the age reaches the limit (day 90 of 90);
 * - overdue by N days after it (day 91 of 90 is "overdue by 1 day").
 * A secret "needs rotation" when it is overdue or due within `DUE_SOON_DAYS`: the list's filter and
 * its summary count the same set.
 *
 * When the console did not see the secret issued (created or rotated outside it), its age is a lower
 * bound: the policy can prove it overdue (the lower bound is past the limit) but never that it is
 * not, so such a secret is "at least N days old, age unknown" until then.
 */
import type { SecretAge } from "./record/public-record";

/** The policy as configured: `maxAgeDays` 0 turns it off. */
export type SecretPolicy = { maxAgeDays: number };

export const DEFAULT_SECRET_MAX_AGE_DAYS = 90;

/** How far ahead "due soon" looks: the summary's "due within 14 days". */
export const DUE_SOON_DAYS = 14;

/**
 * Where one secret stands:
 * - `off`: no policy;
 * - `ok`: due in more than DUE_SOON_DAYS days;
 * - `due`: due within DUE_SOON_DAYS days, or today (`dueInDays` 0);
 * - `overdue`: past the limit by `overdueByDays` (≥ 1);
 * - `unknown`: issued outside the console and not yet provably due (age is a lower bound).
 */
export type SecretStanding =
  | { state: "off" }
  | { state: "ok" | "due"; dueInDays: number }
  | { state: "overdue"; overdueByDays: number; ageIsLowerBound: boolean }
  | { state: "unknown"; atLeastDays: number };

/** Where a secret of the given age stands under the policy. */
export function secretStanding(age: SecretAge, policy: SecretPolicy): SecretStanding {
  if (policy.maxAgeDays <= 0) return { state: "off" };
  const dueInDays = policy.maxAgeDays - age.days;
  if (dueInDays < 0)
    return { state: "overdue", overdueByDays: -dueInDays, ageIsLowerBound: age.atLeast };
  if (age.atLeast) return { state: "unknown", atLeastDays: age.days };
  return { state: dueInDays <= DUE_SOON_DAYS ? "due" : "ok", dueInDays };
}

/** True for the secrets the "needs rotation" filter shows and the summary counts. */
export function needsRotation(standing: SecretStanding): boolean {
  return standing.state === "overdue" || standing.state === "due";
}

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/**
 * The standing in words, as the list's column and the report print it: "due in 12 days",
 * "due today", "overdue by 3 days", "overdue by at least 3 days", "at least 40 days old, age
 * unknown"; null when the policy is off (the list then shows the age alone).
 */
export function describeStanding(standing: SecretStanding): string | null {
  switch (standing.state) {
    case "off":
      return null;
    case "ok":
    case "due":
      return standing.dueInDays === 0 ? "due today" : `due in ${days(standing.dueInDays)}`;
    case "overdue":
      return `overdue by ${standing.ageIsLowerBound ? "at least " : ""}${days(standing.overdueByDays)}`;
    case "unknown":
      return `at least ${days(standing.atLeastDays)} old, age unknown`;
  }
}

/** Counts for the summary above the list: "3 overdue, 2 due within 14 days". */
export type StandingSummary = { overdue: number; dueSoon: number };

export function summarizeStandings(standings: readonly SecretStanding[]): StandingSummary {
  let overdue = 0;
  let dueSoon = 0;
  for (const standing of standings) {
    if (standing.state === "overdue") overdue += 1;
    else if (standing.state === "due") dueSoon += 1;
  }
  return { overdue, dueSoon };
}

/** "3 overdue, 2 due within 14 days"; null when nothing needs rotation. */
export function describeSummary(summary: StandingSummary): string | null {
  const parts: string[] = [];
  if (summary.overdue > 0) parts.push(`${summary.overdue} overdue`);
  if (summary.dueSoon > 0) parts.push(`${summary.dueSoon} due within ${days(DUE_SOON_DAYS)}`);
  return parts.length > 0 ? parts.join(", ") : null;
}
