import "server-only";
import type { ActionRefusal } from "@/lib/auth/action";
import type { WinkError } from "@/lib/wink";

/** Wink's names for fields, where they differ from the form's, and their rows (`redirectUris[1]`). */
function formFieldOf(winkField: string): string {
  return winkField.replace(/\[(\d+)\]/g, ".$1").replace(/^request\./, "");
}

/**
 * A failed call to Wink as an action result: Wink's own words where it named a field, the plain
 * message otherwise, and whether the change may have happened all the same. Wink's 4xx statuses
 * pass through; its 5xx become 502 (504 for a time-out), the console being the gateway here.
 */
export function winkErrorResult(error: WinkError): ActionRefusal {
  const fieldErrors: Record<string, string> = {};
  for (const { field, message } of error.fieldErrors) {
    fieldErrors[formFieldOf(field)] ??= message;
  }
  return {
    ok: false,
    error: error.safeMessage,
    ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}),
    status:
      error.status && error.status < 500 ? error.status : error.kind === "timeout" ? 504 : 502,
    ...(error.outcome === "unknown" ? { outcomeUnknown: true } : {}),
  };
}
