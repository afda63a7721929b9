import "server-only";
import { confirmationSchema } from "@/lib/applications/confirmation";
import { rotateOutcomeUnknownMessage } from "@/lib/applications/rotate-outcome";
import type { ActionResult } from "@/lib/auth/action";
import type { ChangeDependencies } from "./dependencies";
import { runChange, type ApplicationChange } from "./pipeline";

export type RotatedApplicationCredentials = {
  id: string;
  name: string;
  clientId: string;
  /** Wink returns it once; the browser shows it once and drops it. Nothing here keeps it. */
  secretKey: string;
};

function rotation(
  expectedClientId: unknown,
): ApplicationChange<typeof confirmationSchema, RotatedApplicationCredentials> {
  return {
    audit: "application.rotate",
    target: "application",
    schema: confirmationSchema,
    protectConsoleApplication: true,
    confirmation: (typed) => typed,
    exclusive: {
      refused:
        "A rotate or delete of this application is already in progress. Wait for it, then check the application's client ID.",
    },
    repeated:
      "This rotate was already sent once. Close the dialog and check the application's client ID before rotating again.",
    check({ target }) {
      // Another tab or another admin rotated since this dialog was opened: a second rotate would
      // kill the pair they were just shown.
      if (target.application.clientId === expectedClientId) return undefined;
      return {
        error:
          "These credentials were rotated since this page was opened, so nothing was done. Reload the page to see the current client ID.",
        status: 409,
      };
    },
    async call({ target, deps }) {
      const rotated = await deps.wink.rotateApplicationCredentials(
        target.entityId,
        target.applicationId,
      );
      // Read under the lock just before, and a rotate changes only the pair: the page's refresh
      // after the reveal dialog shows this rather than asking Wink again. Never the secret.
      deps.answers.noteChanged(target.entityId, {
        ...target.application,
        clientId: rotated.clientId,
      });
      return {
        done: true,
        status: 200,
        clientId: rotated.clientId,
        data: {
          id: rotated.id,
          name: target.application.name,
          clientId: rotated.clientId,
          secretKey: rotated.secretKey,
        },
      };
    },
    record: ({ target, deps, actor }, rotated) =>
      deps.record.rotated({
        entityId: target.entityId,
        applicationId: target.applicationId,
        newClientId: rotated.clientId,
        actor,
      }),
    // The client ID changes with a rotate: naming the old one tells the admin how to check.
    unknownOutcome: (error, { target }) =>
      rotateOutcomeUnknownMessage(error, target.application.clientId),
  };
}

/**
 * Issues a new client ID and secret (Wink's rotate is a GET with side effects). The old pair stops
 * working at once, so this runs only from a confirmed dialog, once, and is never retried: a repeat
 * would destroy the secret the first call returned. `expectedClientId` is the client ID the admin
 * saw when they confirmed: if it changed since, someone rotated, and nothing is done.
 */
export function rotateApplicationCredentials(
  request: {
    entityId: unknown;
    applicationId: unknown;
    submissionId: unknown;
    /** The typed name. */
    input: unknown;
    expectedClientId: unknown;
  },
  deps: ChangeDependencies,
): Promise<ActionResult<RotatedApplicationCredentials>> {
  return runChange(rotation(request.expectedClientId), request, deps);
}
