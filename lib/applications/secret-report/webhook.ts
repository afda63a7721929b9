/**
 * Posts the digest to CONSOLE_NOTIFY_WEBHOOK_URL, once, with a deadline.
 *
 * The URL is a credential (a Slack webhook carries its token in its path), so nothing here ever
 * puts it, or an error message that might quote it, into a result: a failure is described by the
 * HTTP status, the deadline, or the network error's code alone. Redirects are refused rather than
 * followed: the digest goes to the configured address or nowhere.
 */
import type { SlackMessage } from "./slack";

/** Bounded: a webhook that hangs must not hold a cron job (and its claim) for long. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export type WebhookResult = { ok: true; status: number } | { ok: false; reason: string };

type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

function networkCode(error: unknown): string | null {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === "string" && /^[A-Z_]+$/.test(cause.code) ? cause.code : null;
}

/** POSTs `message` as JSON; never throws. */
export async function postWebhook(
  url: string,
  message: SlackMessage,
  { timeoutMs = WEBHOOK_TIMEOUT_MS, fetch: fetchImpl = fetch as FetchLike } = {},
): Promise<WebhookResult> {
  const seconds = Math.round(timeoutMs / 100) / 10;
  try {
    const response = await fetchImpl(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(message),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Drained and dropped: an error page may echo the request, URL included.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status >= 200 && response.status < 300)
      return { ok: true, status: response.status };
    return { ok: false, reason: `the webhook answered HTTP ${response.status}` };
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    if (name === "TimeoutError" || name === "AbortError") {
      return { ok: false, reason: `the webhook did not answer within ${seconds} s` };
    }
    const code = networkCode(error);
    return {
      ok: false,
      reason: `the webhook could not be reached${code ? ` (${code})` : ""}`,
    };
  }
}
