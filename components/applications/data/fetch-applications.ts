import { z } from "zod";
import { applicationsApiPath } from "@/lib/applications/routes";
import {
  applicationListSchema,
  type ApplicationListData,
} from "@/lib/applications/listed-application";

const failureSchema = z.object({ error: z.string().min(1), requestId: z.string().optional() });

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

/** The query function of the list: the console's own route handler, never Wink itself. */
export async function fetchApplications(
  entityId: string,
  signal?: AbortSignal,
): Promise<ApplicationListData> {
  let response: Response;
  try {
    response = await fetch(applicationsApiPath(entityId), {
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

  const parsed = applicationListSchema.safeParse(body);
  if (!parsed.success) {
    throw new ApplicationsRequestError("The console sent a list it could not read. Try again.", {
      status: response.status,
    });
  }
  return parsed.data;
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
  const failure = failureSchema.safeParse(body);
  if (failure.success) {
    return new ApplicationsRequestError(failure.data.error, {
      status,
      requestId: failure.data.requestId,
    });
  }
  return new ApplicationsRequestError(
    `The console could not load the applications (HTTP ${status}). Try again in a moment.`,
    { status },
  );
}
