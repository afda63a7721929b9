/**
 * The secret-age digest: for each managing entity, the applications whose secret needs rotation
 * under the policy (lib/applications/secret-policy.ts: due within DUE_SOON_DAYS, due today, or
 * overdue, including secrets of unknown age whose lower bound is already past the limit). Pure: built
 * from Wink's list joined with the console's record, printed as text or JSON by
 * `npm run report:secrets`, and posted to a webhook (./slack.ts). Holds names, ids and client IDs
 * (public), never a secret.
 */
import { createHash } from "node:crypto";
import { secretAge, type PublicRecord } from "@/lib/applications/record/public-record";
import {
  describeStanding,
  describeSummary,
  needsRotation,
  secretStanding,
  summarizeStandings,
  type SecretPolicy,
  type SecretStanding,
  type StandingSummary,
} from "@/lib/applications/secret-policy";

/** One application whose secret needs rotation. */
export type DigestApplication = {
  id: string;
  name: string;
  clientId: string;
  standing: SecretStanding;
  /** `describeStanding`'s words: "overdue by 3 days", "due today". */
  words: string;
  /** True for the console's own credential: it cannot be rotated from the console. */
  isConsoleCredential: boolean;
};

export type DigestEntity = {
  id: string;
  name: string;
  /** Most urgent first: the longest overdue, then the soonest due. */
  applications: DigestApplication[];
};

export type SecretDigest = {
  /** The UTC day the digest describes, `YYYY-MM-DD`: ages are whole days, so a digest is daily. */
  day: string;
  maxAgeDays: number;
  policyOff: boolean;
  entities: DigestEntity[];
  summary: StandingSummary;
};

/** The part of a listed application the digest reads. */
export type DigestInput = {
  id: string;
  name: string;
  clientId: string;
  record: PublicRecord | null;
};

/** `YYYY-MM-DD` of `now` in UTC. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** A sort key: the more overdue, the smaller; then the fewer days left. */
function urgency(standing: SecretStanding): number {
  if (standing.state === "overdue") return -standing.overdueByDays;
  if (standing.state === "due" || standing.state === "ok") return standing.dueInDays;
  return Number.MAX_SAFE_INTEGER;
}

/**
 * The applications of one entity that need rotation. An application without a record (not yet
 * reconciled) has no age to judge and is left out; the caller refuses to report when the record
 * as a whole could not be read.
 */
export function entityDigest(
  entity: { id: string; name: string },
  applications: readonly DigestInput[],
  policy: SecretPolicy,
  now: Date,
  consoleClientId: string,
): DigestEntity {
  const due: DigestApplication[] = [];
  for (const application of applications) {
    if (!application.record) continue;
    const standing = secretStanding(secretAge(application.record, now.getTime()), policy);
    if (!needsRotation(standing)) continue;
    due.push({
      id: application.id,
      name: application.name,
      clientId: application.clientId,
      standing,
      words: describeStanding(standing) ?? "",
      isConsoleCredential: application.clientId === consoleClientId,
    });
  }
  due.sort((a, b) => urgency(a.standing) - urgency(b.standing) || a.name.localeCompare(b.name));
  return { id: entity.id, name: entity.name, applications: due };
}

/** The whole digest from each entity's part. */
export function secretDigest(
  entities: DigestEntity[],
  policy: SecretPolicy,
  now: Date,
): SecretDigest {
  const standings = entities.flatMap((entity) => entity.applications.map((app) => app.standing));
  return {
    day: utcDay(now),
    maxAgeDays: policy.maxAgeDays,
    policyOff: policy.maxAgeDays <= 0,
    entities,
    summary: summarizeStandings(standings),
  };
}

/** True when at least one secret needs rotation. */
export function hasSecretsDue(digest: SecretDigest): boolean {
  return digest.entities.some((entity) => entity.applications.length > 0);
}

/**
 * A hash of what the digest says (not of when it was made): the webhook's "posted today" key, so
 * that a retry of the same digest posts nothing, and a digest that changed during the day (a
 * secret rotated) posts again.
 */
export function digestHash(digest: SecretDigest): string {
  return createHash("sha256").update(JSON.stringify(digest)).digest("hex");
}

/** "3 overdue, 2 due within 14 days", or a sentence for nothing due and for the policy off. */
export function digestHeadline(digest: SecretDigest): string {
  if (digest.policyOff) return "The secret-age policy is off (CONSOLE_SECRET_MAX_AGE_DAYS=0).";
  const summary = describeSummary(digest.summary);
  return summary
    ? `Secrets to rotate: ${summary}.`
    : `No secret is due within the next 14 days (limit ${digest.maxAgeDays} days).`;
}

/** One line per application: `Booking Engine (client abc): overdue by 3 days`. */
export function applicationLine(application: DigestApplication): string {
  const own = application.isConsoleCredential ? ", the console's own credential" : "";
  return `${application.name} (client ${application.clientId}${own}): ${application.words}`;
}

/** The digest as plain text, the report's default output. */
export function digestText(digest: SecretDigest): string {
  const lines = [
    `Secret-age report for ${digest.day}`,
    digest.policyOff ? "" : `Policy: rotate every ${digest.maxAgeDays} days.`,
    digestHeadline(digest),
  ].filter(Boolean);
  if (!digest.policyOff) {
    for (const entity of digest.entities) {
      lines.push("", `${entity.name} (${entity.id})`);
      if (entity.applications.length === 0) lines.push("  nothing due");
      for (const application of entity.applications) {
        lines.push(`  - ${applicationLine(application)}`);
      }
    }
  }
  return `${lines.join("\n")}\n`;
}
