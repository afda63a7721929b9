import { jsonResult, type HttpResult } from "../http/io";
import type { StoredApplication } from "../state/types";
import { notFoundProblem, validationProblem } from "./problem";
import type { ApiRequest, ApiRoute, ApiServices } from "./route";
import { createApplicationSchema, updateApplicationSchema, validate } from "./validation";

const BASE = "/api/managing-entity/:entityId/application";

/** The Application of the contract: never the clientType, the timestamps or the secret. */
function toApplication(app: StoredApplication) {
  return {
    id: app.id,
    userIdentifier: app.userIdentifier,
    name: app.name,
    clientId: app.clientId,
    redirectUris: app.redirectUris,
    postLogoutRedirectUris: app.postLogoutRedirectUris,
    scopes: app.scopes,
    iconIdentifier: app.iconIdentifier,
  };
}

function applicationNotFound(request: ApiRequest): HttpResult {
  return notFoundProblem(request.instance, `Application ${request.params.id} was not found.`);
}

/** Responses that carry a secret must not be stored by anything between Wink and the console. */
const SECRET_HEADERS = { "cache-control": "no-store" };

async function list({ params }: ApiRequest, { store }: ApiServices) {
  return jsonResult(200, store.list(params.entityId!).map(toApplication));
}

async function get(request: ApiRequest, { store }: ApiServices) {
  const app = store.get(request.params.entityId!, request.params.id!);
  return app ? jsonResult(200, toApplication(app)) : applicationNotFound(request);
}

async function create(request: ApiRequest, { store, stats }: ApiServices) {
  const input = validate(createApplicationSchema, request.body);
  if (!input.ok) return validationProblem(request.instance, input.errors);
  const { clientType, ...fields } = input.value;
  const { application, credential } = store.create(
    request.params.entityId!,
    request.caller.application.userIdentifier,
    clientType,
    fields,
  );
  await store.flush();
  stats.mutation("creates", application.id);
  return jsonResult(
    201,
    {
      id: application.id,
      name: application.name,
      redirectUris: application.redirectUris,
      postLogoutRedirectUris: application.postLogoutRedirectUris,
      scopes: application.scopes,
      clientId: credential.clientId,
      secretKey: credential.secretKey,
    },
    { ...SECRET_HEADERS, location: `${request.instance}/${application.id}` },
  );
}

async function update(request: ApiRequest, { store, stats }: ApiServices) {
  const input = validate(updateApplicationSchema, request.body);
  if (!input.ok) return validationProblem(request.instance, input.errors);
  const fields = Object.fromEntries(
    Object.entries(input.value).filter(([, value]) => value !== undefined),
  ) as typeof input.value;
  const app = store.update(request.params.entityId!, request.params.id!, fields);
  if (!app) return applicationNotFound(request);
  await store.flush();
  stats.mutation("updates", app.id);
  // Wink answers an update with only these three members.
  return jsonResult(200, { id: app.id, name: app.name, redirectUris: app.redirectUris });
}

async function remove(request: ApiRequest, { store, stats }: ApiServices) {
  const id = request.params.id!;
  const outcome = store.delete(request.params.entityId!, id);
  if (outcome === "not-found") return applicationNotFound(request);
  if (outcome === "protected") {
    // Wink answers 200 with success false, not an error status: the console must check `success`.
    return jsonResult(200, {
      id,
      success: false,
      message:
        "This application was created with the account and cannot be deleted. Rotate its credentials instead.",
    });
  }
  await store.flush();
  stats.mutation("deletes", id);
  return jsonResult(200, { id, success: true, message: "Record successfully removed" });
}

async function rotate(request: ApiRequest, { store, stats }: ApiServices) {
  const id = request.params.id!;
  const credential = store.rotate(request.params.entityId!, id);
  if (!credential) return applicationNotFound(request);
  await store.flush();
  stats.mutation("rotations", id);
  return jsonResult(200, { id, ...credential }, SECRET_HEADERS);
}

export const APPLICATION_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    pattern: `${BASE}/list`,
    operation: "list",
    scope: "account.read",
    handle: list,
  },
  { method: "GET", pattern: `${BASE}/:id`, operation: "get", scope: "account.read", handle: get },
  {
    method: "POST",
    pattern: BASE,
    operation: "create",
    scope: "account.write",
    takesBody: true,
    handle: create,
  },
  {
    method: "PATCH",
    pattern: `${BASE}/:id`,
    operation: "update",
    scope: "account.write",
    takesBody: true,
    handle: update,
  },
  {
    method: "DELETE",
    pattern: `${BASE}/:id`,
    operation: "delete",
    scope: "account.remove",
    handle: remove,
  },
  // Rotate is a GET with side effects: Wink's design, not ours. Nothing may prefetch it.
  {
    method: "GET",
    pattern: `${BASE}/:id/revoke`,
    operation: "rotate",
    scope: "account.write",
    handle: rotate,
  },
];
