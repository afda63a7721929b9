import "server-only";
import type { z } from "zod";
import { authorize, type Permission } from "./guard";
import type { Viewer } from "./session";
import type { Role } from "./roles";

/** What every server action returns: results, not exceptions (only redirect/notFound throw). */
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

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * The front door of a server action, which is a public POST endpoint anyone can call: checks the
 * session and the role, then parses the input with the feature's schema. `onRefused` lets the
 * caller audit a refusal before it goes back.
 */
export async function authedAction<S extends z.ZodType, T>(
  options: {
    permission: Permission;
    schema: S;
    onRefused?: (refusal: ActionRefusal, viewer: Viewer | null) => void;
  },
  input: unknown,
  run: (values: z.output<S>, viewer: Viewer & { role: Role }) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const authorization = await authorize(options.permission);
  if (!authorization.ok) {
    const refusal: ActionRefusal = {
      ok: false,
      error: authorization.error,
      status: authorization.status,
    };
    options.onRefused?.(refusal, authorization.viewer ?? null);
    return refusal;
  }
  const parsed = options.schema.safeParse(input);
  if (!parsed.success) {
    const refusal: ActionRefusal = {
      ok: false,
      error: "Some values need fixing.",
      fieldErrors: fieldErrorsOf(parsed.error),
      status: 400,
    };
    options.onRefused?.(refusal, authorization.viewer);
    return refusal;
  }
  return run(parsed.data, authorization.viewer);
}
