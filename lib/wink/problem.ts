import "server-only";
import type { FieldError, WinkProblem } from "@/lib/wink-contract/problem-details";
import { parseJson } from "./json";

/**
 * Reading Wink's error bodies: RFC 9457 problem details as Spring's `ProblemDetail` writes them.
 *
 * Wink is inconsistent in three ways, all tolerated here:
 * - extension members come either flattened at the top level or nested under `properties`;
 * - the media type may be `application/problem+json`, `application/json` or anything else, so the
 *   body is tried as JSON whatever the header says;
 * - a 500 may be a bare `{}` or not JSON at all (an HTML page from a proxy): that yields an empty
 *   problem, and the caller words the error from the HTTP status alone.
 */

export type { FieldError, WinkProblem };

const STANDARD_MEMBERS = new Set(["type", "title", "status", "detail", "instance", "properties"]);

/** Longest text taken from Wink into a message: a stack trace in `detail` is not a message. */
const MAX_TEXT = 500;

export function readProblem(body: string): WinkProblem {
  const parsed = parseJson(body);
  if (!isRecord(parsed)) return { fieldErrors: [] };

  const extensions: Record<string, unknown> = {
    ...(isRecord(parsed.properties) ? parsed.properties : {}),
  };
  for (const [key, value] of Object.entries(parsed)) {
    if (!STANDARD_MEMBERS.has(key)) extensions[key] = value;
  }

  return dropUndefined({
    type: text(parsed.type),
    title: text(parsed.title),
    detail: text(parsed.detail) ?? text(extensions.message),
    instance: text(parsed.instance),
    fieldErrors: readFieldErrors(extensions),
  });
}

/**
 * Field errors from the extension members seen in the wild: `errors: [{field, message}]` (and
 * Spring's `defaultMessage`), `fieldErrors` as a list or as `{field: message}`, and RFC 7807's
 * example `invalid-params: [{name, reason}]` (also spelled `invalidParams`).
 */
export function readFieldErrors(extensions: Record<string, unknown>): FieldError[] {
  const found: FieldError[] = [];
  for (const key of ["errors", "fieldErrors", "invalidParams", "invalid-params", "violations"]) {
    found.push(...fieldErrorsOf(extensions[key]));
  }
  return dedupe(found);
}

function fieldErrorsOf(value: unknown): FieldError[] {
  if (Array.isArray(value)) return value.flatMap(fieldErrorOfItem);
  if (isRecord(value)) {
    return Object.entries(value).flatMap(([field, messages]) =>
      (Array.isArray(messages) ? messages : [messages])
        .map(text)
        .filter((message): message is string => message !== undefined)
        .map((message) => ({ field, message })),
    );
  }
  return [];
}

function fieldErrorOfItem(item: unknown): FieldError[] {
  if (!isRecord(item)) return [];
  const field = text(item.field) ?? text(item.name) ?? text(item.pointer) ?? text(item.property);
  const message =
    text(item.message) ?? text(item.reason) ?? text(item.defaultMessage) ?? text(item.detail);
  if (field === undefined || message === undefined) return [];
  // A JSON pointer (`/redirectUris/0`) names the same field as Spring's `redirectUris[0]`.
  return [{ field: field.startsWith("/") ? pointerToPath(field) : field, message }];
}

function pointerToPath(pointer: string): string {
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce(
      (path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part),
      "",
    );
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter(({ field, message }) => {
    const key = `${field}\u0000${message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  return trimmed.length > MAX_TEXT ? `${trimmed.slice(0, MAX_TEXT)}…` : trimmed;
}

function dropUndefined(problem: WinkProblem): WinkProblem {
  return Object.fromEntries(
    Object.entries(problem).filter(([, value]) => value !== undefined),
  ) as WinkProblem;
}
