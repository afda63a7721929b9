import "server-only";
import { createApplicationSchema } from "@/lib/applications/form-schema";
import type { ActionResult } from "@/lib/auth/action";
import type { ClientType } from "@/lib/wink-contract/client-types";
import type { ChangeDependencies } from "./dependencies";
import { runChange, type EntityChange } from "./pipeline";

export type CreatedCredentials = {
  id: string;
  name: string;
  clientId: string;
  /** Wink returns it once; the browser shows it once and drops it. Nothing here keeps it. */
  secretKey: string;
  clientType: ClientType;
  scopes: string[];
};

const create: EntityChange<typeof createApplicationSchema, CreatedCredentials> = {
  audit: "application.create",
  target: "entity",
  schema: createApplicationSchema,
  repeated: "This form was already submitted: the application was created once.",
  // Never retried: a repeat would make a second application.
  async call({ values, target, deps }) {
    const created = await deps.wink.createApplication(target.entityId, values);
    return {
      done: true,
      status: 201,
      applicationId: created.id,
      clientId: created.clientId,
      data: {
        id: created.id,
        name: created.name,
        clientId: created.clientId,
        secretKey: created.secretKey,
        // Wink does not echo the type: the one the admin chose, which Wink accepted.
        clientType: values.clientType,
        scopes: created.scopes,
      },
    };
  },
  record: ({ target, deps, actor }, created) =>
    deps.record.created({
      entityId: target.entityId,
      applicationId: created.id,
      clientId: created.clientId,
      clientType: created.clientType,
      actor,
    }),
};

/** Creates an application in the managing entity, and returns its credentials to this caller once. */
export function createApplication(
  request: { entityId: unknown; submissionId: unknown; input: unknown },
  deps: ChangeDependencies,
): Promise<ActionResult<CreatedCredentials>> {
  return runChange(create, request, deps);
}
