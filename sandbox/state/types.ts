/**
 * What the sandbox keeps about an account's applications. `clientType` and the timestamps are
 * stored but never leave through the API: Wink's list and get do not return them.
 */

import type { ClientType } from "../../lib/wink-contract/client-types";

export { CLIENT_TYPES, type ClientType } from "../../lib/wink-contract/client-types";

/**
 * Applications that play a part in the sandbox story:
 * - `console`: the console's own MACHINE_2_MACHINE credential, configured from the environment;
 * - `founding`: the application every Wink account is created with; Wink asks that it is not deleted.
 */
export type ApplicationRole = "console" | "founding";

export interface StoredApplication {
  id: string;
  managingEntityId: string;
  userIdentifier: string;
  name: string;
  clientType: ClientType;
  clientId: string;
  /** SHA-256 (hex) of the secret. The secret itself exists only in the create or rotate response. */
  secretHash: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  scopes: string[];
  iconIdentifier: string | null;
  createdAt: string;
  updatedAt: string;
  role?: ApplicationRole;
  /**
   * True while the credential is the one configured by SANDBOX_CONSOLE_CLIENT_ID/_SECRET; a rotate
   * through the API clears it, and from then on the stored pair wins over the configuration.
   */
  configuredCredential?: boolean;
}

export interface StoredState {
  format: "wink-sandbox-state";
  version: 1;
  applications: StoredApplication[];
}

/** The editable fields of an application, as create and update accept them (already validated). */
export interface ApplicationFields {
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  scopes: string[];
  iconIdentifier: string | null;
}

export interface IssuedCredential {
  clientId: string;
  /** The plain secret: hand it to the caller once, never store it. */
  secretKey: string;
}
