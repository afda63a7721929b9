import "server-only";
import {
  OPERATION_WORDS,
  type OperationName,
  type OperationWords,
} from "@/lib/wink-contract/operation-words";
import type { z } from "zod";
import {
  applicationListSchema,
  applicationSchema,
  createApplicationRequestSchema,
  createdApplicationSchema,
  managingEntityListSchema,
  removedEntrySchema,
  rotatedCredentialsSchema,
  updateApplicationRequestSchema,
  updatedApplicationSchema,
  type CreateApplicationRequest,
  type UpdateApplicationRequest,
} from "@/lib/wink-contract/schemas";
import type { Scope } from "@/lib/wink-contract/scopes";

/**
 * Every Wink operation the console uses, as data: method, path, body, the schema of the answer,
 * the scope it needs, and whether it may be repeated automatically.
 */

export type { OperationName };

export type OperationSpec = OperationWords & {
  name: OperationName;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /**
   * Safe to send again after a transient failure. True only for reads: the HTTP method does not
   * decide it, because rotate is a GET that regenerates the credentials.
   */
  idempotent: boolean;
  requiredScope: Scope;
  schema: z.ZodType;
};

/**
 * A path segment from an id. Encoded, and `.`/`..` refused: URL parsing would resolve them as dot
 * segments, so `rotate(me, "..")` would call a different path than the one it names.
 */
export function segment(id: string): string {
  if (!id || id === "." || id === "..") throw new TypeError(`Not a valid Wink identifier: "${id}"`);
  return encodeURIComponent(id);
}

const applications = (managingEntityId: string) =>
  `/api/managing-entity/${segment(managingEntityId)}/application`;

const READ = { idempotent: true } as const;
const CHANGE = { idempotent: false } as const;

export function listApplications(managingEntityId: string) {
  return {
    ...READ,
    name: "listApplications",
    method: "GET",
    path: `${applications(managingEntityId)}/list`,
    schema: applicationListSchema,
    ...OPERATION_WORDS.listApplications,
  } satisfies OperationSpec;
}

export function getApplication(managingEntityId: string, applicationId: string) {
  return {
    ...READ,
    name: "getApplication",
    method: "GET",
    path: `${applications(managingEntityId)}/${segment(applicationId)}`,
    schema: applicationSchema,
    ...OPERATION_WORDS.getApplication,
  } satisfies OperationSpec;
}

const OPTIONAL_LISTS = ["redirectUris", "postLogoutRedirectUris", "scopes"] as const;

/**
 * The create body without its empty lists. Wink's schema marks them optional, and a strict reading
 * of it refuses an empty array on create, while an absent list is stored as empty: so a machine-to-
 * machine application, or one with no scopes, is sent without the member rather than with `[]`.
 */
export function withoutEmptyLists<
  T extends Partial<Record<(typeof OPTIONAL_LISTS)[number], unknown[]>>,
>(body: T): T {
  const trimmed = { ...body };
  for (const list of OPTIONAL_LISTS) {
    if (Array.isArray(trimmed[list]) && trimmed[list].length === 0) delete trimmed[list];
  }
  return trimmed;
}

export function createApplication(managingEntityId: string, request: CreateApplicationRequest) {
  return {
    ...CHANGE,
    name: "createApplication",
    method: "POST",
    path: applications(managingEntityId),
    // Parsed to drop members the contract does not know (an `id`, a `secretKey`) before sending.
    body: withoutEmptyLists(createApplicationRequestSchema.parse(request)),
    schema: createdApplicationSchema,
    ...OPERATION_WORDS.createApplication,
  } satisfies OperationSpec;
}

export function updateApplication(
  managingEntityId: string,
  applicationId: string,
  request: UpdateApplicationRequest,
) {
  return {
    ...CHANGE,
    name: "updateApplication",
    // PATCH with `name` required: the whole editable object is sent, never a partial one.
    method: "PATCH",
    path: `${applications(managingEntityId)}/${segment(applicationId)}`,
    body: updateApplicationRequestSchema.parse(request),
    schema: updatedApplicationSchema,
    ...OPERATION_WORDS.updateApplication,
  } satisfies OperationSpec;
}

export function deleteApplication(managingEntityId: string, applicationId: string) {
  return {
    ...CHANGE,
    name: "deleteApplication",
    method: "DELETE",
    path: `${applications(managingEntityId)}/${segment(applicationId)}`,
    schema: removedEntrySchema,
    ...OPERATION_WORDS.deleteApplication,
  } satisfies OperationSpec;
}

export function rotateApplicationCredentials(managingEntityId: string, applicationId: string) {
  return {
    // A GET with side effects: it regenerates the client id and the secret, and the old pair stops
    // working at once. Repeating it would destroy the secret the first call returned, so never.
    ...CHANGE,
    name: "rotateApplicationCredentials",
    method: "GET",
    path: `${applications(managingEntityId)}/${segment(applicationId)}/revoke`,
    schema: rotatedCredentialsSchema,
    ...OPERATION_WORDS.rotateApplicationCredentials,
  } satisfies OperationSpec;
}

export function listManagingEntities(options: { type?: string } = {}) {
  return {
    ...READ,
    name: "listManagingEntities",
    method: "GET",
    path: "/api/managing-entity/list",
    query: options.type ? { type: options.type } : undefined,
    schema: managingEntityListSchema,
    ...OPERATION_WORDS.listManagingEntities,
  } satisfies OperationSpec;
}

export function listAllManagingEntities() {
  return {
    ...READ,
    name: "listAllManagingEntities",
    method: "GET",
    path: "/api/managing-entity/list/all",
    schema: managingEntityListSchema,
    ...OPERATION_WORDS.listAllManagingEntities,
  } satisfies OperationSpec;
}
