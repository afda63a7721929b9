import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Structured logging through pino: one JSON object per line, written synchronously to stdout
 * (info) and stderr (warnings and errors), with no transport. pino's transports run in a worker
 * thread that `next build` cannot bundle, and a synchronous write is never lost when the process
 * exits on a bad setting.
 *
 * The console holds a Wink credential, access tokens and, for a moment, the secrets Wink returns on
 * create and rotate. None of them may reach a log line, whoever calls the logger with whatever
 * object, so redaction happens here and not at each call site, in two layers:
 * - pino's `redact` paths censor the known places (authorization and cookie headers, credential
 *   and token members) in the line as it is serialised;
 * - `redact()` walks every value first, for what key paths cannot reach: a secret-named member at
 *   any depth or in any letter case, an Error's message and any other text that quotes a credential
 *   (`Bearer …`, `client_secret=…`).
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

// The members that carry credentials in what the console logs (Wink's token answers, request
// headers, settings), at the top of a line's fields and one level down (`event.headers`).
const SECRET_MEMBERS = [
  "authorization",
  "Authorization",
  "cookie",
  "secret",
  "secretKey",
  "client_secret",
  "clientSecret",
  "access_token",
  "accessToken",
  "refresh_token",
  "id_token",
  "token",
  "password",
];
const SECRET_HEADERS = ["authorization", "proxy-authorization", "cookie", "set-cookie"];

/** pino `redact` paths: see https://getpino.io/#/docs/redaction for the syntax. */
export const REDACT_PATHS: readonly string[] = [
  ...SECRET_MEMBERS.flatMap((key) => [key, `*.${key}`]),
  ...SECRET_HEADERS.flatMap((name) => [`headers["${name}"]`, `*.headers["${name}"]`]),
];

function createLogger(destination: DestinationStream): Logger {
  return pino(
    {
      level: "info",
      // The line's shape: {"level":"warn","time":"2026-…Z",…fields,"event":"wink.retry"}.
      base: undefined,
      messageKey: "event",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => redact(fields) as LogFields,
      },
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    },
    destination,
  );
}

/** One stream per level; `dedupe` sends each line only to the stream of its own level. */
function byLevel(write: (level: LogLevel, line: string) => void): DestinationStream {
  const levels: LogLevel[] = ["info", "warn", "error"];
  return pino.multistream(
    levels.map((level) => ({ level, stream: { write: (line: string) => write(level, line) } })),
    { dedupe: true },
  );
}

function standardStreams(): DestinationStream {
  return pino.multistream(
    [
      { level: "info", stream: pino.destination({ dest: 1, sync: true }) },
      { level: "warn", stream: pino.destination({ dest: 2, sync: true }) },
    ],
    { dedupe: true },
  );
}

let logger = createLogger(standardStreams());

/** Tests capture the lines (without their newline); pass nothing to restore stdout/stderr. */
export function setLogSink(next?: LogSink): void {
  logger = createLogger(
    next ? byLevel((level, line) => next(level, line.replace(/\n$/, ""))) : standardStreams(),
  );
}

/** `event` names what happened (`wink.retry`); `fields` are redacted before they are written. */
export const log = {
  info: (event: string, fields: LogFields = {}) => logger.info(fields, redactText(event)),
  warn: (event: string, fields: LogFields = {}) => logger.warn(fields, redactText(event)),
  error: (event: string, fields: LogFields = {}) => logger.error(fields, redactText(event)),
};
