import "server-only";
import type { SecretPolicy } from "@/lib/applications/secret-policy";
import type { Database } from "@/lib/db/connection";
import type { WinkClient } from "@/lib/wink";
import { collectDigest } from "./collect";
import { hasSecretsDue, digestHash, digestText } from "./digest";
import { claimPost, markPosted, releasePost } from "./post-once";
import { slackMessage } from "./slack";
import { postWebhook } from "./webhook";

/**
 * `npm run report:secrets`, as a function the tests call: reads, prints, posts, and answers the
 * exit code.
 *
 * Exit codes: 0 done (also when nothing is due, and when today's digest was already posted);
 * 1 the webhook failed or timed out (nothing recorded as posted: a retry posts); 2 Wink or the
 * console's database could not be read, or the command line is wrong.
 *
 * The digest goes to `out` (stdout: text, or JSON with `--json`); everything about the run goes to
 * `err` (stderr), so that `--json` output parses as is. Neither ever carries the webhook's URL.
 */

export type ExitCode = 0 | 1 | 2;

export type ReportDependencies = {
  wink: WinkClient;
  db: Database;
  policy: SecretPolicy;
  managingEntityId: string | null;
  /** CONSOLE_NOTIFY_WEBHOOK_URL; null: print only. */
  webhookUrl: string | null;
  /** AUTH_URL: links in the webhook's message; null: no links. */
  consoleOrigin: string | null;
  now: () => Date;
  webhookTimeoutMs?: number;
  out: (text: string) => void;
  err: (text: string) => void;
};

export const REPORT_USAGE = `Usage: npm run report:secrets [-- --json]

Prints the client secrets due for rotation (due within 14 days, or overdue) of every managing
entity the console's credential can see. With CONSOLE_NOTIFY_WEBHOOK_URL set, also posts the digest
as a Slack-compatible message, at most once a day for the same digest.
Exit codes: 0 done, 1 the webhook failed, 2 Wink or the database could not be read.
`;

const PREFIX = "[report]";

export async function runSecretReport(
  argv: readonly string[],
  deps: ReportDependencies,
): Promise<ExitCode> {
  const unknown = argv.filter((arg) => arg !== "--json" && arg !== "--help");
  if (argv.includes("--help") || unknown.length > 0) {
    if (unknown.length > 0) deps.err(`${PREFIX} Unknown argument: ${unknown.join(" ")}\n`);
    deps.err(REPORT_USAGE);
    return unknown.length > 0 ? 2 : 0;
  }
  const now = deps.now();
  let digest;
  try {
    digest = await collectDigest({ ...deps, now });
  } catch (error) {
    deps.err(`${PREFIX} ${(error as Error).message}\n`);
    return 2;
  }
  deps.out(argv.includes("--json") ? `${JSON.stringify(digest, null, 2)}\n` : digestText(digest));

  if (!deps.webhookUrl) return 0;
  if (!hasSecretsDue(digest)) {
    deps.err(`${PREFIX} Nothing is due: nothing posted to the webhook.\n`);
    return 0;
  }
  const hash = digestHash(digest);
  let claim;
  try {
    claim = await claimPost(deps.db, digest.day, hash, now);
  } catch (error) {
    deps.err(`${PREFIX} The console's database could not be read: ${(error as Error).name}.\n`);
    return 2;
  }
  if (!claim.claimed) {
    deps.err(
      claim.reason === "posted"
        ? `${PREFIX} This digest was already posted to the webhook today: not posted again.\n`
        : `${PREFIX} Another run is posting this digest now: not posted again.\n`,
    );
    return 0;
  }
  const result = await postWebhook(deps.webhookUrl, slackMessage(digest, deps.consoleOrigin), {
    timeoutMs: deps.webhookTimeoutMs,
  });
  try {
    if (result.ok) await markPosted(deps.db, digest.day, hash, claim.claimedAt, deps.now());
    else await releasePost(deps.db, digest.day, hash, claim.claimedAt);
  } catch (error) {
    deps.err(`${PREFIX} Could not note the post in the database: ${(error as Error).name}.\n`);
    if (result.ok) return 0;
  }
  if (!result.ok) {
    deps.err(
      `${PREFIX} The digest was not posted: ${result.reason}. ` +
        `Check CONSOLE_NOTIFY_WEBHOOK_URL; running again posts it.\n`,
    );
    return 1;
  }
  deps.err(`${PREFIX} Posted the digest to the webhook (HTTP ${result.status}).\n`);
  return 0;
}
