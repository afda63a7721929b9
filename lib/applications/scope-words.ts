/**
 * What an application with no scopes can do, in words that fit its client type. Wink's list and
 * get never return the client type (Wink's contract), so outside the create form it is usually
 * unknown; `clientTypeFromRedirects` says what can be told from the redirect URIs alone.
 */
import type { ClientType } from "@/lib/wink-contract/schemas";

/** The words for an application without scopes. `undefined`: the type is not known. */
export function noScopesText(clientType: ClientType | undefined): string {
  switch (clientType) {
    case "MACHINE_2_MACHINE":
      return "No scopes: it can get a token but cannot call any Wink API.";
    case "WEB":
    case "SPA":
    case "MOBILE":
      return "No scopes: OIDC sign-in only, no Wink API access.";
    default:
      return "No scopes: no access to Wink's API.";
  }
}

/**
 * An application with no redirect URIs cannot sign a user in whatever its type, so it can only
 * get tokens with the client credentials grant, as a machine-to-machine client does (the console
 * refuses interactive types without one). With redirect URIs the type stays unknown.
 */
export function clientTypeFromRedirects(redirectUris: readonly string[]): ClientType | undefined {
  return redirectUris.length === 0 ? "MACHINE_2_MACHINE" : undefined;
}
