import "server-only";
import { getEnv } from "@/lib/env";

let endSessionEndpoint: Promise<string | null> | undefined;

/**
 * The identity provider's end-session endpoint (OpenID Connect RP-Initiated Logout), read from its
 * discovery document once per process. null when the provider has none or cannot be reached:
 * signing out of the console must still work then.
 */
function discoverEndSessionEndpoint(): Promise<string | null> {
  endSessionEndpoint ??= (async () => {
    const { issuer } = getEnv().auth.oidc;
    try {
      const response = await fetch(
        `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
        {
          signal: AbortSignal.timeout(3000),
        },
      );
      if (!response.ok) return null;
      const document = (await response.json()) as { end_session_endpoint?: unknown };
      return typeof document.end_session_endpoint === "string"
        ? document.end_session_endpoint
        : null;
    } catch {
      return null;
    }
  })();
  const pending = endSessionEndpoint;
  // A failed look-up is tried again on the next sign-out rather than remembered forever.
  void pending.then((value) => {
    if (value === null && endSessionEndpoint === pending) endSessionEndpoint = undefined;
  });
  return pending;
}

/**
 * Where to send the browser after the console's session is cleared, so that the identity
 * provider's session ends too. Identifies the console by client_id (no id_token is kept in the
 * session cookie to use as a hint).
 */
export async function identityProviderSignOutUrl(postLogoutRedirectUri: string): Promise<string> {
  const endpoint = await discoverEndSessionEndpoint();
  if (!endpoint) return postLogoutRedirectUri;
  const url = new URL(endpoint);
  url.searchParams.set("client_id", getEnv().auth.oidc.clientId);
  url.searchParams.set("post_logout_redirect_uri", postLogoutRedirectUri);
  return url.toString();
}
