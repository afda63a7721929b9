import { readListPage, type ApplicationListPage } from "@/lib/applications/list-page";
import { listParamsToSearch, type ListParams } from "@/lib/applications/list-params";
import { applicationsApiPath } from "@/lib/applications/routes";

/** The route's failure body, `{ error, requestId? }`, if that is what `body` is. */
function readFailure(body: unknown): { error: string; requestId?: string } | null {
  if (typeof body !== "object" || body === null) return null;
  const { error, requestId } = body as Record<string, unknown>;
  if (typeof error !== "string" || error === "") return null;
  return typeof requestId === "string" ? { error, requestId } : { error };
}

/** Why the list could not be read, in plain words, with Wink's request id when there is one. */
export class ApplicationsRequestError extends Error {
  override readonly name = "ApplicationsRequestError";
  readonly status: number | undefined;
  readonly requestId: string | undefined;

  constructor(message: string, init: { status?: number; requestId?: string } = {}) {
    super(message);
    this.status = init.status;
    this.requestId = init.requestId;
  }

  /** Worth repeating at once: no answer, or the console or Wink failed. 401, 403, 404 are not. */
  get transient(): boolean {
    return this.status === undefined || this.status >= 500;
  }
}

/**
 * The query function of the list: one page of `view` from the console's own route handler, never
 * Wink itself. `cached`: the route's copy of Wink's list from a few seconds ago will do (a new view:
 * a search keystroke, a sort, a page turn); without it the route asks Wink (a refetch of a view
 * already shown, a retry). Throws ApplicationsRequestError.
 */
export async function fetchApplications(
  entityId: string,
  view: ListParams,
  { cached = false, signal }: { cached?: boolean; signal?: AbortSignal } = {},
): Promise<ApplicationListPage> {
  const search = new URLSearchParams(listParamsToSearch(view));
  if (cached) search.set("cached", "1");
  const query = search.size > 0 ? `?${search.toString()}` : "";
  let response: Response;
  try {
    response = await fetch(`${applicationsApiPath(entityId)}${query}`, {
      cache: "no-store",
      headers: { Accept: "application/json" },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApplicationsRequestError(
      "The console could not be reached. Check your connection, then try again.",
    );
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw failureOf(response.status, body);

  const page = readListPage(body);
  if (!page) {
    throw new ApplicationsRequestError("The console sent a list it could not read. Try again.", {
      status: response.status,
    });
  }
  return page;
}

function failureOf(status: number, body: unknown): ApplicationsRequestError {
  if (status === 401) {
    return new ApplicationsRequestError(
      "Your session has ended. Reload the page to sign in again.",
      {
        status,
      },
    );
  }
  const failure = readFailure(body);
  if (failure) {
    return new ApplicationsRequestError(failure.error, { status, requestId: failure.requestId });
  }
  return new ApplicationsRequestError(
    `The console could not load the applications (HTTP ${status}). Try again in a moment.`,
    { status },
  );
}
