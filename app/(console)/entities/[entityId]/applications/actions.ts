"use server";

import { refusalFromWinkError } from "@/lib/applications/failures";
import { claimSubmission } from "@/lib/applications/submissions";
import { audit } from "@/lib/audit";
import { authedAction, type ActionResult } from "@/lib/auth/action";
import { isKnownEntity } from "@/lib/entities";
import { getWinkClient, isWinkError, type ClientType } from "@/lib/wink";
import { createApplicationSchema } from "@/lib/applications/form-schema";

export type CreatedCredentials = {
  id: string;
  name: string;
  clientId: string;
  /** Wink returns it once; the browser shows it once and drops it. Nothing here keeps it. */
  secretKey: string;
  clientType: ClientType;
  scopes: string[];
};

/**
 * Creates an application in Wink. Checks the role and the input itself (this is a public
 * endpoint), asks Wink exactly once (never retried: a repeat would make a second application), and
 * returns the new credentials to the one caller that asked.
 */
export async function createApplication(
  entityId: string,
  submissionId: string,
  input: unknown,
): Promise<ActionResult<CreatedCredentials>> {
  return authedAction(
    {
      permission: "change",
      schema: createApplicationSchema,
      onRefused: (refusal, viewer) =>
        audit({
          action: "application.create",
          outcome: "refused",
          actor: { email: viewer?.email ?? null, role: viewer?.role ?? null },
          entityId: typeof entityId === "string" ? entityId : null,
          reason: refusal.error,
        }),
    },
    input,
    async (values, viewer) => {
      const actor = { email: viewer.email, role: viewer.role };
      const refuse = (error: string, status: number): ActionResult<never> => {
        audit({ action: "application.create", outcome: "refused", actor, entityId, reason: error });
        return { ok: false, error, status };
      };
      if (!(await isKnownEntity(entityId))) {
        return refuse("This managing entity is not one the console manages.", 404);
      }
      if (typeof submissionId !== "string" || !/^[\w-]{16,64}$/.test(submissionId)) {
        return refuse("The form is out of date: reload the page and try again.", 400);
      }
      if (!claimSubmission(submissionId)) {
        return refuse("This form was already submitted: the application was created once.", 409);
      }

      try {
        const created = await getWinkClient().createApplication(entityId, values);
        audit({
          action: "application.create",
          outcome: "succeeded",
          actor,
          entityId,
          applicationId: created.id,
          clientId: created.clientId,
          status: 201,
        });
        return {
          ok: true,
          data: {
            id: created.id,
            name: created.name,
            clientId: created.clientId,
            secretKey: created.secretKey,
            clientType: values.clientType,
            scopes: created.scopes,
          },
        };
      } catch (error) {
        if (!isWinkError(error)) throw error;
        audit({
          action: "application.create",
          outcome: error.outcome === "unknown" ? "unknown" : "failed",
          actor,
          entityId,
          status: error.status,
          requestId: error.requestId,
          reason: error.safeMessage,
        });
        return refusalFromWinkError(error);
      }
    },
  );
}
