import { z } from "zod";

import { isScope } from "../../lib/wink-contract/scopes";
import { CLIENT_TYPES } from "../state/types";
import type { FieldError } from "./problem";

/**
 * Wink's validation of the create and update bodies, with Spring-style messages ("must not be
 * blank") that the console can show beside the field; `field` names the member, with an index for
 * an element of a list ("redirectUris[1]").
 */

const NAME_MAX_LENGTH = 100;

function typeError(expected: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? "is required" : `must be ${expected}`;
}

const name = z
  .string({ error: typeError("a string") })
  .trim()
  .min(1, "must not be blank")
  .max(NAME_MAX_LENGTH, `must be at most ${NAME_MAX_LENGTH} characters`);

const clientType = z.enum(CLIENT_TYPES, {
  error: typeError(`one of ${CLIENT_TYPES.join(", ")}`),
});

function isAbsoluteUri(value: string): boolean {
  // An absolute URI has a scheme; custom schemes (mobile apps) are allowed, relative paths are not.
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(value)) return false;
  return URL.canParse(value);
}

/** Jackson reads a JSON null list as null; Wink then stores it as empty. */
const uriList = z
  .array(z.string({ error: "must be a string" }).refine(isAbsoluteUri, "must be an absolute URI"), {
    error: "must be a list of URIs",
  })
  .nullable()
  .transform((list) => list ?? []);

const scopeList = z
  .array(z.string({ error: "must be a string" }), { error: "must be a list of scopes" })
  .nullable()
  .transform((list) => list ?? [])
  .superRefine((scopes, context) => {
    const seen = new Set<string>();
    scopes.forEach((scope, index) => {
      if (!isScope(scope)) {
        context.addIssue({ code: "custom", path: [index], message: `unknown scope '${scope}'` });
      } else if (seen.has(scope)) {
        context.addIssue({ code: "custom", message: `must not repeat '${scope}'` });
      }
      seen.add(scope);
    });
  });

const iconIdentifier = z
  .string({ error: "must be a string or null" })
  .trim()
  .max(255, "must be at most 255 characters")
  .nullable()
  .transform((value) => (value ? value : null));

export const createApplicationSchema = z.object({
  name,
  clientType,
  redirectUris: uriList.optional().transform((list) => list ?? []),
  postLogoutRedirectUris: uriList.optional().transform((list) => list ?? []),
  scopes: scopeList.optional().transform((list) => list ?? []),
  iconIdentifier: iconIdentifier.optional().transform((value) => value ?? null),
});

/** PATCH replaces the editable fields it is given; `name` is required, the rest keep their value. */
export const updateApplicationSchema = z.object({
  name,
  redirectUris: uriList.optional(),
  postLogoutRedirectUris: uriList.optional(),
  scopes: scopeList.optional(),
  iconIdentifier: iconIdentifier.optional(),
});

export const gridRequestSchema = z.object({
  skip: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be at least 0")
    .default(0),
  take: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(180, "must be at most 180")
    .default(30),
});

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function validate<T>(schema: z.ZodType<T>, input: unknown): ValidationResult<T> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: "body", message: "must be a JSON object" }] };
  }
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({
      field: fieldName(issue.path),
      message: issue.message,
    })),
  };
}

function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === "number" ? `[${key}]` : `${index ? "." : ""}${String(key)}`,
    )
    .join("");
}
