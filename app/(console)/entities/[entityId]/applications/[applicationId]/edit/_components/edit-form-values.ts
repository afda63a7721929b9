import type { UpdateApplicationInput } from "@/lib/applications/form-schema";
import type { Application, ClientType } from "@/lib/wink-contract/schemas";

/** The console's fields as the form starts with them; null when the record is unavailable. */
export interface EditableRecord {
  description: string | null;
  owner: string | null;
  /** Null: unknown; the form offers `guess`. */
  clientType: ClientType | null;
  guess: ClientType;
}

const FORM_FIELD =
  /^(name|iconIdentifier|scopes|redirectUris|postLogoutRedirectUris|description|owner|clientType)(\.\d+)?$/;

/**
 * Whether a field error from the server names one of the form's fields (a URI row as `field.N`):
 * those go under the field, the others into the form's message.
 */
export function isFormField(field: string): boolean {
  return FORM_FIELD.test(field);
}

/** The form's values from Wink's application and the console's record of it. */
export function formValuesOf(
  application: Application,
  record: EditableRecord | null,
): UpdateApplicationInput {
  return {
    name: application.name,
    redirectUris: application.redirectUris,
    postLogoutRedirectUris: application.postLogoutRedirectUris,
    scopes: application.scopes,
    iconIdentifier: application.iconIdentifier ?? "",
    // Left out when the record is unavailable: the server then leaves them as they are.
    ...(record
      ? {
          description: record.description ?? "",
          owner: record.owner ?? "",
          ...(record.clientType === null ? { clientType: record.guess } : {}),
        }
      : {}),
  };
}
