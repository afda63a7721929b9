/**
 * Zod schemas of Wink's payloads (see docs/wink-api/wink-account-applications.openapi.json).
 *
 * Pure data with no server-only fence, so that the browser may import the types; the code that
 * talks to Wink lives in the fenced modules beside this one.
 *
 * Responses are read leniently, as Wink writes them: arrays may be missing or null (they become []),
 * `iconIdentifier` may be missing or null, and unknown members are dropped rather than refused, so a
 * new field on Wink's side never breaks the console. What the console cannot work without (ids,
 * client ids, secrets on create and rotate) is required.
 */
import { z } from "zod";
import { CLIENT_TYPES, type ClientType } from "./client-types";
import { ALL_SCOPES, type Scope } from "./scopes";

/** A list member that Wink may omit or send as null; read as []. */
const lenientList = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((value): z.output<T>[] => value ?? []);

const stringList = lenientList(z.string());
const identifier = z.string().min(1);

export { CLIENT_TYPES, type ClientType };

// ---------------------------------------------------------------------------------------------
// Responses

/** `Application`: a list item or the answer of get. Never carries the secret or the client type. */
export const applicationSchema = z.object({
  id: identifier,
  userIdentifier: z.string().optional(),
  name: z.string(),
  clientId: z.string(),
  redirectUris: stringList,
  postLogoutRedirectUris: stringList,
  scopes: stringList,
  iconIdentifier: z
    .string()
    .nullish()
    .transform((value) => value ?? null),
});
export type Application = z.output<typeof applicationSchema>;

export const applicationListSchema = z.array(applicationSchema);

/** `CreateApplicationResponse` (201): the only time, with rotate, that Wink returns a secret. */
export const createdApplicationSchema = z.object({
  id: identifier,
  name: z.string(),
  clientId: identifier,
  secretKey: identifier,
  redirectUris: stringList,
  postLogoutRedirectUris: stringList,
  scopes: stringList,
});
export type CreatedApplication = z.output<typeof createdApplicationSchema>;

/** `UpdateApplicationResponse`: only `id` is promised; callers reload the application for the rest. */
export const updatedApplicationSchema = z.object({
  id: identifier,
  name: z.string().optional(),
  redirectUris: stringList,
});
export type UpdatedApplication = z.output<typeof updatedApplicationSchema>;

/** `RevokeClientIdResponse`: rotate replaces the client id as well as the secret. */
export const rotatedCredentialsSchema = z.object({
  id: identifier,
  clientId: identifier,
  secretKey: identifier,
});
export type RotatedCredentials = z.output<typeof rotatedCredentialsSchema>;

/**
 * `RemoveEntryResponse`: delete answers 200 even when nothing was removed, so `success` is what
 * counts; a missing `success` reads as false (the spec's default), never as a silent success.
 */
export const removedEntrySchema = z.object({
  id: z.string().optional().default(""),
  success: z.boolean().optional().default(false),
  message: z
    .string()
    .nullish()
    .transform((value) => value ?? ""),
});
export type RemovedEntry = z.output<typeof removedEntrySchema>;

/**
 * `ManagingEntity`: only the members the console shows. Wink's entity also carries bank accounts,
 * managers' emails and phone numbers; they are dropped here so they can never reach a page.
 */
export const managingEntitySchema = z.object({
  id: identifier,
  name: z.string(),
  type: z.string().nullish(),
  status: z.string().nullish(),
  ownerType: z.string().nullish(),
  urlName: z.string().nullish(),
  uniqueId: z.string().nullish(),
  legalName: z.string().nullish(),
  currencyCode: z.string().nullish(),
});
export type ManagingEntity = z.output<typeof managingEntitySchema>;

export const managingEntityListSchema = z.array(managingEntitySchema);

// ---------------------------------------------------------------------------------------------
// Requests

const scopeSchema = z.enum(ALL_SCOPES as [Scope, ...Scope[]]);

const requestFields = {
  name: z.string().trim().min(1),
  redirectUris: z.array(z.string()).default([]),
  postLogoutRedirectUris: z.array(z.string()).default([]),
  scopes: z
    .array(scopeSchema)
    .default([])
    .refine((scopes) => new Set(scopes).size === scopes.length, "Scopes must not repeat."),
  iconIdentifier: z.string().min(1).nullable().optional(),
};

/** `UpsertApplicationRequest` as used by create. The shape of the data only; the form's own
 * schema (redirect URI rules per client type) lives with the feature in app/. */
export const createApplicationRequestSchema = z.object({
  ...requestFields,
  clientType: z.enum(CLIENT_TYPES),
});
export type CreateApplicationRequest = z.input<typeof createApplicationRequestSchema>;

/** `UpdateApplicationRequest`: PATCH with `name` required, so the whole editable object is sent.
 * The client type cannot be changed after creation. */
export const updateApplicationRequestSchema = z.object(requestFields);
export type UpdateApplicationRequest = z.input<typeof updateApplicationRequestSchema>;

// ---------------------------------------------------------------------------------------------
// Token endpoint (RFC 6749): its own shapes, not problem details.

export const tokenResponseSchema = z.object({
  access_token: identifier,
  // Absent means Bearer in practice; any other scheme is one the console cannot use.
  token_type: z
    .string()
    .optional()
    .refine((type) => type === undefined || type.toLowerCase() === "bearer", "not a Bearer token"),
  expires_in: z.coerce.number().positive().optional(),
  scope: z.string().optional(),
});
export type TokenResponse = z.output<typeof tokenResponseSchema>;

export const tokenErrorSchema = z.object({
  error: z.string().min(1),
  error_description: z.string().optional(),
});
