/**
 * Where a person goes after signing in: only a path on the console itself (no open redirects),
 * written so that it can travel in a `Location` header, a cookie and a query string unchanged.
 *
 * Header values and Auth.js's callback-url cookie take ASCII only, while people arrive from any
 * link: `/entities/…/applications?q=привет`, `/%E2%9C%93`, `/✓`. The path is therefore parsed
 * as a URL (RFC 3986, WHATWG URL), which percent-encodes what needs it and leaves existing escapes
 * alone: the result is encoded exactly once, whichever form came in, and a second pass changes
 * nothing.
 */

// A base that can never be a real host (RFC 2606): only the path, query and fragment are kept.
const BASE = "http://return-path.invalid";

/**
 * `value` as a same-site return path, percent-encoded once; `fallback` for anything else: not a
 * string, not starting with one "/", a protocol-relative `//host`, a backslash (which browsers
 * read as "/"), control characters, or a path whose dot segments collapse into `//host`.
 */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) {
    return fallback;
  }
  if (value.includes("\\") || /[\u0000-\u001f\u007f]/.test(value)) return fallback;
  // A "%" that starts no escape is a literal percent sign: encode it, or a later decode fails.
  const escaped = value.replace(/%(?![0-9A-Fa-f]{2})/g, "%25");
  let url: URL;
  try {
    url = new URL(escaped, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" parses to the path "//evil.example", which a browser reads as a host.
  if (path.startsWith("//")) return fallback;
  return path;
}
