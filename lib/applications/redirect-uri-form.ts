/**
 * One reading of a redirect URI for everyone: the console, Wink, the browser that follows the
 * redirect and the client that compares it (RFC 6749 §3.1.2 wants exact matching). A URI is
 * accepted only when it is already written the way the WHATWG URL Standard serialises it
 * (`new URL(x).href`), so no parser can read a different host or path from it than the admin saw.
 * Pure, shared by the browser and the server.
 */

/** Spaces, tabs, line breaks and control characters: the URL parser drops or encodes them silently. */
const WHITESPACE_OR_CONTROL = /[\s\p{Cc}\p{Cf}]/u;
const SCHEME_AND_AUTHORITY = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i;

export type UriFormProblem =
  | { kind: "whitespace" }
  | { kind: "backslash" }
  | { kind: "no-host" }
  | { kind: "user-info" }
  | { kind: "not-canonical"; canonical: string };

/**
 * The host as typed, when it is an internationalised one that the parser turns into punycode
 * (RFC 5891 A-labels): `https://bücher.example/` is read as `https://xn--bcher-kva.example/`. Only
 * label-for-label conversions count: a typed ASCII label must come out unchanged and a non-ASCII
 * one as an `xn--` label, so full-width letters or ideographic full stops that IDNA maps onto
 * plain ASCII (`ｅｖｉｌ.example` read as `evil.example`) are not taken for an internationalised name.
 */
function unicodeHostOf(value: string, url: URL): string | null {
  const typedHost = SCHEME_AND_AUTHORITY.exec(value)?.[2]?.replace(/:\d*$/, "");
  if (!typedHost || typedHost === url.hostname || !/[^\x00-\x7f]/.test(typedHost)) return null;
  if (typedHost !== typedHost.normalize("NFC").toLowerCase()) return null;
  const typedLabels = typedHost.split(".");
  const asciiLabels = url.hostname.split(".");
  if (typedLabels.length !== asciiLabels.length) return null;
  const labelForLabel = typedLabels.every((label, index) => {
    const ascii = asciiLabels[index] ?? "";
    return /^[\x00-\x7f]*$/.test(label) ? ascii === label : ascii.startsWith("xn--");
  });
  return labelForLabel ? typedHost : null;
}

/**
 * Why `value` (already trimmed) is not in the form parsers agree on, or null when it is. `url` is
 * `new URL(value)`. A value whose only difference is an internationalised host typed in Unicode is
 * fine: its punycode form is what {@link canonicalRedirectUri} returns and what is saved.
 */
export function uriFormProblem(value: string, url: URL): UriFormProblem | null {
  if (WHITESPACE_OR_CONTROL.test(value)) return { kind: "whitespace" };
  if (value.includes("\\")) return { kind: "backslash" };
  if (url.username || url.password || SCHEME_AND_AUTHORITY.exec(value)?.[2]?.includes("@")) {
    return { kind: "user-info" };
  }
  // `https:///cb` parses as host "cb": special schemes skip any number of slashes.
  if (/^[a-z][a-z0-9+.-]*:\/\/\//i.test(value) || (url.host === "" && value.includes("://"))) {
    return { kind: "no-host" };
  }
  if (url.href === value) return null;
  const unicodeHost = unicodeHostOf(value, url);
  if (unicodeHost && value.replace(unicodeHost, url.hostname) === url.href) return null;
  return { kind: "not-canonical", canonical: url.href };
}

/** The message the form shows beside the row. */
export function uriFormMessage(problem: UriFormProblem): string {
  switch (problem.kind) {
    case "whitespace":
      return "A URI cannot contain spaces, tabs, line breaks or invisible characters.";
    case "backslash":
      return "Use / instead of \\: browsers read a backslash as a slash, so the URI would lead somewhere else.";
    case "no-host":
      return "Enter a host after the two slashes, such as https://app.example.com/callback.";
    case "user-info":
      return "A URI cannot carry a user name or password (nothing before an @ in the host).";
    case "not-canonical":
      return `Did you mean ${problem.canonical}? That is how browsers read it: enter it exactly so.`;
  }
}

/** What is saved: the parser's own serialisation (punycode hosts), or the value when it does not parse. */
export function canonicalRedirectUri(value: string): string {
  try {
    return new URL(value.trim()).href;
  } catch {
    return value.trim();
  }
}

/**
 * For the form: the punycode form of a URI typed with an internationalised host, which is how
 * browsers and Wink read it; null when there is nothing different to show.
 */
export function punycodeForm(value: string): string | null {
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  return unicodeHostOf(trimmed, url) ? url.href : null;
}
