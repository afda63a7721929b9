import type { OperationWords } from "./operation-words";
import type { WinkProblem } from "./problem-details";

/**
 * The plain words of every WinkError. Kept apart from the mechanics so that the wording can be read
 * (and changed) in one place. No message ever includes a credential, a token or a header.
 */

const TRY_AGAIN = "Try again in a moment.";

export function httpErrorMessage(
  words: OperationWords,
  status: number,
  problem: WinkProblem,
  outcomeUnknown: boolean,
): string {
  const said = problem.detail ?? problem.title;
  if (status === 401) {
    return (
      "Wink refused the console's credential, even with a fresh token: the client id or secret is " +
      "wrong, or the console's application was rotated or deleted. Update WINK_CLIENT_ID and " +
      "WINK_CLIENT_SECRET."
    );
  }
  if (status === 403) {
    return (
      `The console's Wink credential may not ${words.action}: it needs the ${words.requiredScope} ` +
      "scope and access to this managing entity. Register the scope on the console's application " +
      "in Wink and include it in WINK_SCOPES."
    );
  }
  if (status === 404) {
    return `Wink could not find ${words.subject}: it may have been deleted, or the console's credential cannot see it.`;
  }
  if (status === 429) return `Wink is receiving too many requests. ${TRY_AGAIN}`;
  if (status === 415) {
    return "Wink did not accept the format of the console's request (HTTP 415): this is a bug in the console.";
  }
  if (status >= 500) {
    const lead = `Wink is unavailable (HTTP ${status}).`;
    return outcomeUnknown ? `${lead} ${words.unknownOutcome}` : `${lead} ${TRY_AGAIN}`;
  }
  if (status >= 300 && status < 400) {
    return `Wink answered with an unexpected redirect (HTTP ${status}): check WINK_API_URL.`;
  }
  if (status === 400 || status === 422) {
    const reason = said ?? (problem.fieldErrors.length ? "some values are not valid" : undefined);
    return reason
      ? `Wink refused to ${words.action}: ${sentence(reason)}`
      : `Wink refused to ${words.action} (HTTP ${status}).`;
  }
  if (status === 409) {
    return `Wink refused to ${words.action} because of a conflict${said ? `: ${sentence(said)}` : "."}`;
  }
  return `Wink refused to ${words.action} (HTTP ${status})${said ? `: ${sentence(said)}` : "."}`;
}

export function timeoutMessage(words: OperationWords, timeoutMs: number, outcomeUnknown: boolean) {
  const lead = `Wink did not answer within ${formatSeconds(timeoutMs)}.`;
  return outcomeUnknown ? `${lead} ${words.unknownOutcome}` : `${lead} ${TRY_AGAIN}`;
}

export function networkMessage(words: OperationWords, outcomeUnknown: boolean) {
  return outcomeUnknown
    ? `The connection to Wink broke. ${words.unknownOutcome}`
    : `Wink could not be reached. ${TRY_AGAIN}`;
}

export function invalidResponseMessage(words: OperationWords, outcomeUnknown: boolean) {
  const lead = `Wink's answer to the request to ${words.action} could not be read: it does not match Wink's contract.`;
  return outcomeUnknown ? `${lead} ${words.unknownOutcome}` : `${lead} ${TRY_AGAIN}`;
}

// ---------------------------------------------------------------------------------------------
// Token endpoint (RFC 6749 section 5.2 error codes)

export const TOKEN_MESSAGES = {
  invalidClient:
    "The console's Wink credential was refused: the client id or secret is wrong, or the application was rotated or deleted. Update WINK_CLIENT_ID and WINK_CLIENT_SECRET.",
  unauthorizedClient:
    "Wink does not let the console's application use the client-credentials grant: it must be a MACHINE_2_MACHINE application. Check WINK_CLIENT_ID.",
  invalidResponse:
    "Wink's sign-in service answered with something that is not an access token. Try again in a moment; if it persists, check WINK_TOKEN_URL.",
} as const;

export function invalidScopeMessage(scopes: readonly string[]): string {
  const asked = scopes.length ? scopes.join(" ") : "(none)";
  return (
    `Wink refused the scopes the console asks for (${asked}): the console's application is not ` +
    "registered for all of them, or one does not exist. Register them on the application in Wink, " +
    "or change WINK_SCOPES."
  );
}

/** No answer at all: a time-out or a connection that failed (`why` says which). */
export function tokenUnreachableMessage(why: string): string {
  return `Wink's sign-in service is unreachable (${why}). ${TRY_AGAIN}`;
}

/**
 * The token endpoint answered, but with a server error (5xx) or 429: it was reached, so calling it
 * unreachable would send an operator to check the network instead of Wink's status.
 */
export function tokenUnavailableMessage(status: number): string {
  const state = status === 429 ? "is receiving too many requests" : "is unavailable";
  return `Wink's sign-in service ${state} (HTTP ${status}). ${TRY_AGAIN}`;
}

export function tokenRefusedMessage(code: string, description: string | undefined): string {
  return `Wink's sign-in service refused the console's token request (${code}${
    description ? `: ${description}` : ""
  }). Check WINK_TOKEN_URL, WINK_CLIENT_ID and WINK_SCOPES.`;
}

// ---------------------------------------------------------------------------------------------

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** Wink's own words, ending with one full stop. */
function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
