/**
 * The application form's schema: the create dialog's resolver, the edit form's and the server's
 * change pipeline parse with it, so the browser and the server agree on every rule. The rules
 * themselves are in text-rules.ts (name, icon, description, owner) and redirect-uri-rules.ts.
 * Pure, no server-only fence.
 */
import { z } from "zod";
import { CLIENT_TYPE_CHOICES } from "@/lib/applications/client-type-choices";
import {
  checkUriLists,
  uriListSchema,
  whenUriListsParsed,
  withCanonicalUris,
} from "@/lib/applications/redirect-uri-rules";
import {
  descriptionSchema,
  iconIdentifierSchema,
  nameSchema,
  ownerSchema,
} from "@/lib/applications/text-rules";
import { CLIENT_TYPES, type ClientType } from "@/lib/wink-contract/schemas";
import { isScope } from "@/lib/wink-contract/scopes";

const editableFields = {
  name: nameSchema,
  redirectUris: uriListSchema,
  postLogoutRedirectUris: uriListSchema,
  scopes: z
    .array(z.string())
    .refine((scopes) => scopes.every(isScope), "Pick scopes from Wink's catalogue.")
    .refine((scopes) => new Set(scopes).size === scopes.length, "A scope is listed twice."),
  iconIdentifier: iconIdentifierSchema,
};

export const createApplicationSchema = z
  .object({
    ...editableFields,
    clientType: z.enum(CLIENT_TYPES, { message: "Choose what kind of application this is." }),
  })
  .superRefine((input, context) => {
    // Undefined when the client type itself failed: then only the rules of every type apply.
    const choice = CLIENT_TYPE_CHOICES[input.clientType] as
      (typeof CLIENT_TYPE_CHOICES)[ClientType] | undefined;
    const clientType = choice ? input.clientType : undefined;
    const usesRedirects = choice?.usesRedirects;
    if (usesRedirects === true && input.redirectUris.length === 0) {
      context.addIssue({
        code: "custom",
        path: ["redirectUris"],
        message: "Add at least one redirect URI: where Wink sends users back after they sign in.",
      });
    }
    if (usesRedirects === false) {
      for (const field of ["redirectUris", "postLogoutRedirectUris"] as const) {
        if (input[field].length > 0) {
          context.addIssue({
            code: "custom",
            path: [field],
            message: "Machine-to-machine applications have no users to redirect: remove these.",
          });
        }
      }
    }
    checkUriLists(input, clientType, context);
  }, whenUriListsParsed)
  .transform(withCanonicalUris);

export type CreateApplicationInput = z.input<typeof createApplicationSchema>;
export type CreateApplicationValues = z.output<typeof createApplicationSchema>;

/**
 * Edit: Wink's editable fields, and what only the console keeps: description, owner, and the client
 * type of an application whose type is unknown (Wink neither returns nor changes it). A console
 * field left out (the record is unavailable) is left as it is; "" for the type: still unknown.
 */
export const updateApplicationSchema = z
  .object({
    ...editableFields,
    description: descriptionSchema.optional(),
    owner: ownerSchema.optional(),
    clientType: z
      .union([z.enum(CLIENT_TYPES), z.literal("")])
      .optional()
      .transform((type) => type || undefined),
  })
  .superRefine((input, context) => {
    checkUriLists(input, undefined, context);
  }, whenUriListsParsed)
  .transform(withCanonicalUris);

export type UpdateApplicationInput = z.input<typeof updateApplicationSchema>;
export type UpdateApplicationValues = z.output<typeof updateApplicationSchema>;
