/**
 * The rules for an application's redirect and post-logout redirect URIs, row by row and as a list:
 * absolute, https except loopback, custom schemes only for mobile apps, no fragments, no wildcards,
 * no duplicates (RFC 6749 section 3.1.2 and RFC 8252 for native apps). The form's schema applies
 * them; the messages are the ones the form shows under each row. Pure.
 */
import { z } from "zod";
import {
  canonicalRedirectUri,
  uriFormMessage,
  uriFormProblem,
} from "@/lib/applications/redirect-uri-form";
import type { ClientType } from "@/lib/wink-contract/schemas";

export const URI_MAX_LENGTH = 2000;
export const URIS_MAX_COUNT = 20;

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** Schemes that run code or read local data in the browser: never a redirect target. */
const DANGEROUS_SCHEMES = new Set([
  "javascript:",
  "data:",
  "file:",
  "vbscript:",
  "blob:",
  "about:",
]);

/**
 * Why a redirect URI is refused, or null when it is fine. `clientType` undefined (an edit: Wink
 * does not return the type) allows custom schemes, since the application may be a mobile one.
 */
export function redirectUriProblem(raw: string, clientType: ClientType | undefined): string | null {
  const value = raw.trim();
  if (!value) return "Enter a URI or remove this row.";
  if (value.length > URI_MAX_LENGTH) return `Keep it under ${URI_MAX_LENGTH} characters.`;
  if (value.includes("*")) return "Wildcards are not allowed: list each URI exactly.";
  // Before parsing: the parser drops tabs and line breaks and reads \ as / without a word.
  if (/[\s\p{Cc}\p{Cf}]/u.test(value)) return uriFormMessage({ kind: "whitespace" });
  if (value.includes("\\")) return uriFormMessage({ kind: "backslash" });
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter an absolute URI, such as https://app.example.com/callback.";
  }
  if (value.includes("#")) return "A redirect URI cannot have a fragment (#…).";
  if (DANGEROUS_SCHEMES.has(url.protocol)) return `${url.protocol} URIs are not allowed.`;
  // Forms that parsers read differently (a backslash, user info, a missing host) come before the
  // scheme rules, which would otherwise judge the host the parser guessed.
  const form = uriFormProblem(value, url);
  if (form && form.kind !== "not-canonical") return uriFormMessage(form);
  if (url.protocol === "http:") {
    if (!LOOPBACK_HOSTS.has(url.hostname)) {
      return "Use https: plain http is only allowed for localhost and loopback addresses.";
    }
  } else if (url.protocol === "https:") {
    if (!url.hostname) return "Enter an absolute URI with a host.";
  } else if (clientType !== undefined && clientType !== "MOBILE") {
    // A custom scheme, such as com.example.app:/callback.
    return "Custom schemes are only for mobile apps: use https.";
  }
  return form ? uriFormMessage(form) : null;
}

/** Adds an issue per refused row of `field`, and one for a list that is too long. */
function checkUriList(
  uris: readonly string[],
  clientType: ClientType | undefined,
  field: "redirectUris" | "postLogoutRedirectUris",
  context: z.RefinementCtx,
) {
  if (uris.length > URIS_MAX_COUNT) {
    context.addIssue({ code: "custom", path: [field], message: `At most ${URIS_MAX_COUNT} URIs.` });
  }
  const seen = new Set<string>();
  uris.forEach((uri, index) => {
    const problem = redirectUriProblem(uri, clientType);
    const normalised = canonicalRedirectUri(uri);
    const message = problem ?? (seen.has(normalised) ? "This URI is listed twice." : null);
    seen.add(normalised);
    if (message) context.addIssue({ code: "custom", path: [field, index], message });
  });
}

/** Both lists of an application, checked row by row for a client of `clientType`. */
export function checkUriLists(
  input: Record<"redirectUris" | "postLogoutRedirectUris", readonly string[]>,
  clientType: ClientType | undefined,
  context: z.RefinementCtx,
): void {
  checkUriList(input.redirectUris, clientType, "redirectUris", context);
  checkUriList(input.postLogoutRedirectUris, clientType, "postLogoutRedirectUris", context);
}

/** Redirect URIs are saved as browsers read them: internationalised hosts in punycode. */
export const uriListSchema = z.array(z.string().trim());

/** The checks above accept only canonical URIs or Unicode hosts; this saves the latter as punycode. */
export function withCanonicalUris<
  T extends { redirectUris: string[]; postLogoutRedirectUris: string[] },
>(input: T): T {
  return {
    ...input,
    redirectUris: input.redirectUris.map(canonicalRedirectUri),
    postLogoutRedirectUris: input.postLogoutRedirectUris.map(canonicalRedirectUri),
  };
}

type UriLists = Record<"redirectUris" | "postLogoutRedirectUris", string[]>;

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

/**
 * Zod skips an object's refinements once any field failed, so a wrong name or a missing client
 * type would hide every URI problem until the next submit. The URI checks need only the two lists
 * to be lists of strings: with that, they run whatever else failed, and a form shows all its
 * problems in one round.
 */
export const whenUriListsParsed = {
  when(payload: { value: unknown }): boolean {
    const value = payload.value as Partial<Record<keyof UriLists, unknown>> | null;
    return (
      typeof value === "object" &&
      value !== null &&
      isStringList(value.redirectUris) &&
      isStringList(value.postLogoutRedirectUris)
    );
  },
};
