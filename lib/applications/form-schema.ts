/**
 * The application form's schema: the create dialog's resolver and the server actions parse with it,
 * so the browser and the server agree on every rule. Pure, no server-only fence.
 */
import { z } from "zod";
import { hasBidiOverride, hasControlCharacter, isBlankText } from "@/lib/applications/display-text";
import { isCloudinaryPublicId } from "@/lib/applications/icon-identifier";
import {
  canonicalRedirectUri,
  uriFormMessage,
  uriFormProblem,
} from "@/lib/applications/redirect-uri-form";
import { CLIENT_TYPES, type ClientType } from "@/lib/wink-contract/schemas";
import { isScope } from "@/lib/wink-contract/scopes";
import { CLIENT_TYPE_CHOICES } from "./client-type-choices";

export { CLIENT_TYPE_CHOICES };

export const NAME_MAX_LENGTH = 100;
export const URI_MAX_LENGTH = 2000;
export const URIS_MAX_COUNT = 20;
export const ICON_MAX_LENGTH = 255;
export const DESCRIPTION_MAX_LENGTH = 1000;
export const OWNER_MAX_LENGTH = 200;

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** Schemes that run code or read local data in the browser: never a redirect target. */
const DANGEROUS_SCHEMES = new Set([
  "javascript:",
  "data:",
  "file:",
  "vbscript:",
  "blob:",
  "about:",
]);

/**
 * Why a redirect URI is refused, or null when it is fine. `clientType` undefined (an edit: Wink
 * does not return the type) allows custom schemes, since the application may be a mobile one.
 */
export function redirectUriProblem(raw: string, clientType: ClientType | undefined): string | null {
  const value = raw.trim();
  if (!value) return "Enter a URI or remove this row.";
  if (value.length > URI_MAX_LENGTH) return `Keep it under ${URI_MAX_LENGTH} characters.`;
  if (value.includes("*")) return "Wildcards are not allowed: list each URI exactly.";
  // Before parsing: the parser drops tabs and line breaks and reads \ as / without a word.
  if (/[\s\p{Cc}\p{Cf}]/u.test(value)) return uriFormMessage({ kind: "whitespace" });
  if (value.includes("\\")) return uriFormMessage({ kind: "backslash" });
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter an absolute URI, such as https://app.example.com/callback.";
  }
  if (value.includes("#")) return "A redirect URI cannot have a fragment (#…).";
  if (DANGEROUS_SCHEMES.has(url.protocol)) return `${url.protocol} URIs are not allowed.`;
  // Forms that parsers read differently (a backslash, user info, a missing host) come before the
  // scheme rules, which would otherwise judge the host the parser guessed.
  const form = uriFormProblem(value, url);
  if (form && form.kind !== "not-canonical") return uriFormMessage(form);
  if (url.protocol === "http:") {
    if (!LOOPBACK_HOSTS.has(url.hostname)) {
      return "Use https: plain http is only allowed for localhost and loopback addresses.";
    }
  } else if (url.protocol === "https:") {
    if (!url.hostname) return "Enter an absolute URI with a host.";
  } else if (clientType !== undefined && clientType !== "MOBILE") {
    // A custom scheme, such as com.example.app:/callback.
    return "Custom schemes are only for mobile apps: use https.";
  }
  return form ? uriFormMessage(form) : null;
}

function checkUriList(
  uris: readonly string[],
  clientType: ClientType | undefined,
  field: "redirectUris" | "postLogoutRedirectUris",
  context: z.RefinementCtx,
) {
  if (uris.length > URIS_MAX_COUNT) {
    context.addIssue({ code: "custom", path: [field], message: `At most ${URIS_MAX_COUNT} URIs.` });
  }
  const seen = new Set<string>();
  uris.forEach((uri, index) => {
    const problem = redirectUriProblem(uri, clientType);
    const normalised = canonicalRedirectUri(uri);
    const message = problem ?? (seen.has(normalised) ? "This URI is listed twice." : null);
    seen.add(normalised);
    if (message) context.addIssue({ code: "custom", path: [field, index], message });
  });
}

/** A Cloudinary public_id (see lib/applications/icon-identifier.ts for the grammar). */
const iconIdentifierSchema = z
  .string()
  .trim()
  .max(ICON_MAX_LENGTH, `Keep it under ${ICON_MAX_LENGTH} characters.`)
  .refine(
    (value) => value === "" || isCloudinaryPublicId(value),
    "Use a Cloudinary public ID: letters, digits, _ - . and / (for folders), such as brand/app-icon.",
  )
  .transform((value) => (value === "" ? null : value))
  .nullable();

/**
 * Names are NFC-normalised (so "é" typed two ways is one name) and must show something: a name of
 * only zero-width or formatting characters renders blank in every list and dialog. Control
 * characters and bidi overrides are refused: they break lines or reorder the text around them.
 */
const nameSchema = z
  .string()
  .normalize("NFC")
  .trim()
  .min(1, "Give the application a name.")
  .max(NAME_MAX_LENGTH, `Keep the name under ${NAME_MAX_LENGTH} characters.`)
  .refine(
    (name) => !isBlankText(name),
    "Give the application a name that shows: this one has only invisible characters.",
  )
  .refine(
    (name) => !hasControlCharacter(name),
    "A name cannot contain control characters such as tabs or line breaks.",
  )
  .refine(
    (name) => !hasBidiOverride(name),
    "A name cannot contain bidi override characters (U+202A to U+202E): they make text read in another order.",
  );

/**
 * Text only the console keeps (an application's description and owner), held to the name's
 * rules: NFC, trimmed, a length limit, no control characters (a description may have line
 * breaks), no bidi overrides, and never only invisible characters. Empty clears it.
 */
function consoleTextSchema(what: string, max: number, lineBreaks: boolean) {
  const controls = lineBreaks
    ? (text: string) => text.replace(/\r?\n/g, "")
    : (text: string) => text;
  return z
    .string()
    .normalize("NFC")
    .trim()
    .max(max, `Keep the ${what} under ${max} characters.`)
    .refine(
      (text) => text === "" || !isBlankText(text),
      `This ${what} has only invisible characters: write one that shows, or leave it empty.`,
    )
    .refine(
      (text) => !hasControlCharacter(controls(text)),
      lineBreaks
        ? `A ${what} cannot contain control characters such as tabs.`
        : `A ${what} cannot contain control characters such as tabs or line breaks.`,
    )
    .refine(
      (text) => !hasBidiOverride(text),
      `A ${what} cannot contain bidi override characters (U+202A to U+202E): they make text read in another order.`,
    );
}

/** The description and owner, shared by the edit form and `recordDetailsSchema`. */
export const descriptionSchema = consoleTextSchema("description", DESCRIPTION_MAX_LENGTH, true);
export const ownerSchema = consoleTextSchema("owner", OWNER_MAX_LENGTH, false);

/** Redirect URIs are saved as browsers read them: internationalised hosts in punycode. */
const uriListSchema = z.array(z.string().trim());

/** The checks above accept only canonical URIs or Unicode hosts; this saves the latter as punycode. */
function withCanonicalUris<T extends { redirectUris: string[]; postLogoutRedirectUris: string[] }>(
  input: T,
): T {
  return {
    ...input,
    redirectUris: input.redirectUris.map(canonicalRedirectUri),
    postLogoutRedirectUris: input.postLogoutRedirectUris.map(canonicalRedirectUri),
  };
}

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

type UriLists = Record<"redirectUris" | "postLogoutRedirectUris", string[]>;

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

/**
 * Zod skips an object's refinements once any field failed, so a wrong name or a missing client
 * type would hide every URI problem until the next submit. The URI checks need only the two lists
 * to be lists of strings: with that, they run whatever else failed, and a form shows all its
 * problems in one round.
 */
const whenUriListsParsed = {
  when(payload: { value: unknown }): boolean {
    const value = payload.value as Partial<Record<keyof UriLists, unknown>> | null;
    return (
      typeof value === "object" &&
      value !== null &&
      isStringList(value.redirectUris) &&
      isStringList(value.postLogoutRedirectUris)
    );
  },
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
    checkUriList(input.redirectUris, clientType, "redirectUris", context);
    checkUriList(input.postLogoutRedirectUris, clientType, "postLogoutRedirectUris", context);
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
    checkUriList(input.redirectUris, undefined, "redirectUris", context);
    checkUriList(input.postLogoutRedirectUris, undefined, "postLogoutRedirectUris", context);
  }, whenUriListsParsed)
  .transform(withCanonicalUris);

export type UpdateApplicationInput = z.input<typeof updateApplicationSchema>;
export type UpdateApplicationValues = z.output<typeof updateApplicationSchema>;
