import type { z } from "zod";

/**
 * What every server action returns: results, not exceptions (only redirect/notFound throw). The
 * change pipeline (lib/applications/changes/) builds them; the browser's hooks read them.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: string;
      /** Per field, with array rows as `redirectUris.1`. */
      fieldErrors?: Record<string, string>;
      /** 401/403: the caller may not; 400: bad input; 409: a repeat; 502/504: Wink failed. */
      status: number;
      /** For a change whose answer was lost: it may or may not have happened. */
      outcomeUnknown?: boolean;
    };

export type ActionRefusal = Extract<ActionResult<never>, { ok: false }>;

/** zod's issues as one message per field, the first for each (`redirectUris.1`, or `form`). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}
