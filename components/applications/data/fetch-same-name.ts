import { applicationsApiPath } from "@/lib/applications/routes";

/** Long enough for a Wink read with its retries; past it the create goes on unwarned. */
const CHECK_TIMEOUT_MS = 15_000;

/**
 * Asks the console's list route (`?sameName=`) whether the entity already has an application whose
 * name reads like `name`, among all of them, not only the page on screen
 * (lib/applications/same-name.ts). Out: that application's name, or null when there is none.
 * Throws when there is no answer to trust (no network, a refusal, Wink unavailable, a body it
 * cannot read, no answer within the time-out): the caller decides what that means.
 */
export async function fetchSameName(entityId: string, name: string): Promise<string | null> {
  const search = new URLSearchParams({ sameName: name });
  const response = await fetch(`${applicationsApiPath(entityId)}?${search.toString()}`, {
    cache: "no-store",
    headers: { Accept: "application/json" },
    signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`The name check failed (HTTP ${response.status}).`);
  const body: unknown = await response.json();
  const existing =
    typeof body === "object" && body !== null
      ? (body as Record<string, unknown>).sameName
      : undefined;
  if (existing === null || typeof existing === "string") return existing;
  throw new Error("The name check sent an answer it could not read.");
}
