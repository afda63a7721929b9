// Must come first: it silences oidc-provider's Node 22 notice while the provider loads.
import { restoreConsoleWarn } from "./quiet-runtime-warning";
import Provider, { type ErrorOut, type KoaContextWithOIDC } from "oidc-provider";

import { ALL_SCOPES } from "../../lib/wink-contract/scopes";
import type { Caller } from "../api/bearer";
import type { SandboxStats } from "../controls/stats";
import { hashSecret } from "../state/credentials";
import type { SandboxStore } from "../state/store";
import { createAdapterFactory } from "./adapter";
import { idTokenSigningKey } from "./keys";
import { errorPage, logoutPage, PAGE_HEADERS, signedOutPage } from "./pages";
import { findUserById } from "./users";

restoreConsoleWarn();

export interface OidcClientConfig {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface OAuthProviderOptions {
  issuer: string;
  store: SandboxStore;
  stats: SandboxStats;
  tokenTtlSeconds: number;
  cookieKeys: string[];
  /** The console's sign-in client (authorization code + PKCE). */
  oidcClient: OidcClientConfig;
}

export const OIDC_CLIENT_NAME = "Wink Applications Console";

function setPage(ctx: KoaContextWithOIDC, html: string): void {
  for (const [name, value] of Object.entries(PAGE_HEADERS)) ctx.set(name, value);
  ctx.type = "html";
  ctx.body = html;
}

/**
 * The sandbox's OAuth2/OIDC side on oidc-provider: client credentials for applications (clients
 * come from the sandbox state, see adapter.ts), and authorization code + PKCE for the console's
 * admin sign-in. All paths live under /oauth2 like Wink's IAM, discovery at the usual place.
 */
export async function createOAuthProvider(options: OAuthProviderOptions) {
  const { oidcClient, store, stats } = options;

  const provider = new Provider(options.issuer, {
    adapter: createAdapterFactory(store),
    clients: [
      {
        client_id: oidcClient.clientId,
        // Hashed like every other secret: the token endpoint's pre-handler hashes what is presented.
        client_secret: hashSecret(oidcClient.clientSecret),
        client_name: OIDC_CLIENT_NAME,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        redirect_uris: oidcClient.redirectUris,
        post_logout_redirect_uris: oidcClient.postLogoutRedirectUris,
        token_endpoint_auth_method: "client_secret_basic",
        scope: "openid email profile",
      },
    ],
    clientBasedCORS: () => false,
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    scopes: ["openid", ...ALL_SCOPES],
    // The console reads who signed in from the ID token, so it carries the claims of its scopes.
    conformIdTokenClaims: false,
    cookies: { keys: options.cookieKeys },
    features: {
      clientCredentials: { enabled: true },
      devInteractions: { enabled: false },
      resourceIndicators: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) =>
          setPage(ctx, logoutPage(form, ctx.oidc.client?.clientId === oidcClient.clientId)),
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => setPage(ctx, signedOutPage()),
      },
    },
    findAccount: async (_ctx: KoaContextWithOIDC, sub: string) => {
      const user = findUserById(sub);
      if (!user) return undefined;
      return {
        accountId: user.id,
        claims: () => ({ sub: user.id, email: user.email, email_verified: true, name: user.name }),
      };
    },
    interactions: {
      url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) =>
        `/interaction/${interaction.uid}`,
    },
    jwks: { keys: [await idTokenSigningKey()] },
    loadExistingGrant: (ctx: KoaContextWithOIDC) => loadExistingGrant(ctx, oidcClient.clientId),
    pkce: { required: () => true },
    renderError: async (ctx: KoaContextWithOIDC, out: ErrorOut) =>
      setPage(
        ctx,
        errorPage("Sign-in could not continue", {
          error: out.error,
          ...(out.error_description ? { description: out.error_description } : {}),
        }),
      ),
    responseTypes: ["code"],
    routes: {
      authorization: "/oauth2/auth",
      backchannel_authentication: "/oauth2/backchannel",
      challenge: "/oauth2/challenge",
      code_verification: "/oauth2/device",
      credential: "/oauth2/credential",
      device_authorization: "/oauth2/device/auth",
      end_session: "/oauth2/session/end",
      introspection: "/oauth2/introspect",
      jwks: "/oauth2/jwks",
      pushed_authorization_request: "/oauth2/par",
      registration: "/oauth2/register",
      revocation: "/oauth2/revoke",
      token: "/oauth2/token",
      userinfo: "/oauth2/userinfo",
    },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      ClientCredentials: options.tokenTtlSeconds,
      Grant: 8 * 3600,
      IdToken: 3600,
      Interaction: 3600,
      RefreshToken: 8 * 3600,
      Session: 8 * 3600,
    },
  });

  provider.on("grant.success", () => stats.tokenIssued());
  provider.on("server_error", (_ctx, error) =>
    console.error("sandbox: oidc-provider error:", error),
  );

  /** The API's view of a bearer token: a live client-credentials token of an existing client. */
  async function verifyAccessToken(token: string): Promise<Caller | undefined> {
    const stored = await provider.ClientCredentials.find(token);
    if (!stored || stored.isExpired) return undefined;
    // Rotation replaces the clientId and deletion removes it: either way the token dies with it.
    const application = store.findByClientId(stored.clientId);
    if (!application) return undefined;
    return { application, scopes: new Set(stored.scope?.split(" ").filter(Boolean)) };
  }

  return { provider, verifyAccessToken };
}

/**
 * The console is first-party: its admins are never asked to consent, the grant is created here
 * with whatever OIDC scopes the console asked for. Other clients get the provider's default.
 */
async function loadExistingGrant(ctx: KoaContextWithOIDC, firstPartyClientId: string) {
  const { client, session, provider } = ctx.oidc;
  const grantId =
    ctx.oidc.result?.consent?.grantId ??
    (client ? session?.grantIdFor(client.clientId) : undefined);
  const existing = grantId ? await provider.Grant.find(grantId) : undefined;
  if (client?.clientId !== firstPartyClientId || !session?.accountId) return existing;

  const grant =
    existing?.accountId === session.accountId
      ? existing
      : new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(" ") || "openid");
  await grant.save();
  return grant;
}
