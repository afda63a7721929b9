import "server-only";

/**
 * Structured logging: one JSON object per line, every value passed through `redact` first.
 *
 * The console holds a Wink credential, access tokens and, for a moment, the secrets Wink returns on
 * create and rotate. None of them may reach a log line, whoever calls the logger with whatever
 * object, so redaction happens here and not at each call site.
 */

export type LogLevel = "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;
export type LogSink = (level: LogLevel, line: string) => void;

export const REDACTED = "[REDACTED]";

/** Keys whose values are never logged, compared without case, `_` or `-`. */
const SECRET_KEYS = new Set([
  "authorization",
  "proxyauthorization",
  "cookie",
  "setcookie",
  "secret",
  "secretkey",
  "clientsecret",
  "accesstoken",
  "refreshtoken",
  "idtoken",
  "token",
  "password",
]);

/** Also any key that ends like a secret: `AUTH_SECRET`, `WINK_CLIENT_SECRET`, `sessionToken`. */
const SECRET_KEY_SUFFIXES = ["secret", "token", "password", "secretkey"];

export function isSecretKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[-_]/g, "");
  return (
    SECRET_KEYS.has(normalised) || SECRET_KEY_SUFFIXES.some((suffix) => normalised.endsWith(suffix))
  );
}

// `Bearer abc.def` and `Basic dXNlcjpwYXNz` in free text (an error message that quotes a header).
const CREDENTIAL_IN_TEXT = /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/gi;
// `access_token=...`, `client_secret=...` in a query string or form body quoted in a message.
const SECRET_PARAM_IN_TEXT =
  /\b(access_token|refresh_token|id_token|client_secret|secretKey|password)=[^&\s"']+/gi;

export function redactText(text: string): string {
  return text
    .replace(CREDENTIAL_IN_TEXT, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(SECRET_PARAM_IN_TEXT, (_match, name: string) => `${name}=${REDACTED}`);
}

/** A copy of `value` with secret-named members replaced at any depth and credentials in text masked. */
export function redact(value: unknown): unknown {
  return redactValue(value, new WeakSet());
}

function redactValue(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return redactText(value);
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return "[Circular]";
  seen.add(value);

  if (value instanceof Error) {
    // An error's own toJSON (WinkError has one) decides what is safe to show; else name and message.
    const shown = hasToJSON(value) ? value.toJSON() : { name: value.name, message: value.message };
    return redactValue(shown, seen);
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, seen));
  if (value instanceof Headers) return redactValue(Object.fromEntries(value.entries()), seen);
  if (value instanceof Date) return value.toISOString();

  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    copy[key] = isSecretKey(key) ? REDACTED : redactValue(member, seen);
  }
  return copy;
}

function hasToJSON(value: object): value is { toJSON(): unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === "function";
}

const defaultSink: LogSink = (level, line) => {
  const stream = level === "info" ? process.stdout : process.stderr;
  stream.write(`${line}\n`);
};

let sink: LogSink = defaultSink;

/** Tests capture the lines; pass nothing to restore stdout/stderr. */
export function setLogSink(next?: LogSink): void {
  sink = next ?? defaultSink;
}

function write(level: LogLevel, event: string, fields: LogFields = {}): void {
  const entry = {
    time: new Date().toISOString(),
    level,
    event,
    ...(redact(fields) as LogFields),
  };
  sink(level, JSON.stringify(entry));
}

export const log = {
  info: (event: string, fields?: LogFields) => write("info", event, fields),
  warn: (event: string, fields?: LogFields) => write("warn", event, fields),
  error: (event: string, fields?: LogFields) => write("error", event, fields),
};
