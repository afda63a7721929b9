/**
 * The copyable snippets of the shown-once dialog: a `.env` block and a token request. Pure, so that
 * a property test can feed them any secret and read them back the way their consumers do. A
 * snippet that could not carry a secret exactly is not built at all (null): a wrong secret pasted
 * into a config fails later, far from here, with invalid_client.
 */

/**
 * Whether `value` survives dotenv's line parser in quotes `quote` (dotenv's parse, which Next's
 * `@next/env` bundles too): the parser strips one pair of quotes and processes no escapes, except
 * `\n` and `\r` inside double quotes. So a quoted value must not contain its quote character, and a
 * double-quoted one must not contain a backslash followed by n or r.
 */
function fitsQuoted(value: string, quote: "'" | "`" | '"'): boolean {
  if (/[\r\n]/.test(value) || value.includes(quote)) return false;
  return quote !== '"' || !/\\[nr]/.test(value);
}

/**
 * Bare values end at `#` (a comment) and are trimmed; one that starts with a quote may be read as
 * a quoted value, or lose its quotes.
 */
function fitsBare(value: string): boolean {
  return value !== "" && !/[#\r\n]/.test(value) && value.trim() === value && !/^['"`]/.test(value);
}

/**
 * One `.env` value that dotenv and Next's `@next/env` both read back as `value`, or null. `$` is
 * never written: `@next/env` expands `$NAME` (and reads `\$` as `$`) while dotenv keeps both
 * literally, so no spelling of a `$` means the same to both.
 */
export function envValue(value: string): string | null {
  if (value.includes("$")) return null;
  if (/^[\w.~+/=:@%-]+$/.test(value)) return value;
  for (const quote of ["'", "`", '"'] as const) {
    if (fitsQuoted(value, quote)) return `${quote}${value}${quote}`;
  }
  return fitsBare(value) ? value : null;
}

/**
 * `WINK_CLIENT_ID` and `WINK_CLIENT_SECRET` as `.env` lines, or null when either value cannot be
 * written so that every common loader reads it back exactly (see `envValue`).
 */
export function envBlock(clientId: string, secret: string): string | null {
  const id = envValue(clientId);
  const key = envValue(secret);
  if (id === null || key === null) return null;
  return `WINK_CLIENT_ID=${id}\nWINK_CLIENT_SECRET=${key}\n`;
}

/**
 * A POSIX shell word that is exactly `value`: inside single quotes nothing is expanded (`$`, `!`,
 * backslashes), and a single quote is closed, escaped and reopened.
 */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A curl line for RFC 6749 section 4.4 (client credentials). The client authenticates in the form
 * body (RFC 6749 section 2.3.1, as Wink's documentation shows it), each value through
 * `--data-urlencode`, so curl form-encodes it: a `+`, `&`, `=` or `%` in a secret reaches the token
 * endpoint as itself. (HTTP Basic would need the id and secret form-encoded before base64, which
 * `curl -u` does not do.)
 */
export function tokenRequest(opts: {
  tokenUrl: string;
  clientId: string;
  secret: string;
  scopes?: readonly string[];
}): string {
  const field = (name: string, value: string) =>
    `--data-urlencode ${shellQuote(`${name}=${value}`)}`;
  const lines = [
    `curl -X POST ${shellQuote(opts.tokenUrl)}`,
    "-d grant_type=client_credentials",
    field("client_id", opts.clientId),
    field("client_secret", opts.secret),
  ];
  // The parameter is optional, so it is left out when the scopes are not known (after a rotate)
  // rather than guessed.
  if (opts.scopes && opts.scopes.length > 0) lines.push(field("scope", opts.scopes.join(" ")));
  return lines.join(" \\\n  ");
}
