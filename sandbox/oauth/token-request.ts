import { isScope } from "../../lib/wink-contract/scopes";
import { hashSecret, secretMatches } from "../state/credentials";
import type { StoredApplication } from "../state/types";

/**
 * Rewrites a token request before oidc-provider sees it. Three things the provider cannot do alone:
 *
 * 1. Secrets are stored hashed, and the provider compares the presented secret to the stored one
 *    as strings: so the presented secret is replaced by its SHA-256, in the Basic header or in the
 *    form body, wherever the client put it. (oidc-provider 9 accepts either place for a
 *    `client_secret_basic` client, and refuses both at once with invalid_request by itself.)
 * 2. Wink's documented curl sends no `scope`; like Spring Authorization Server, a
 *    client-credentials request without one gets every scope the application is registered for.
 * 3. A scope outside the catalogue fails at issuance (the provider would silently drop it).
 *
 * 2 and 3 apply only once the client has authenticated, so that an unknown client still gets
 * invalid_client, as RFC 6749 orders it.
 */

export interface TokenRequest {
  form: URLSearchParams;
  authorization: string | undefined;
}

export type PreparedTokenRequest =
  | ({ kind: "forward" } & TokenRequest)
  | { kind: "reject"; error: "invalid_scope"; description: string };

export function prepareTokenRequest(
  request: TokenRequest,
  findApplication: (clientId: string) => StoredApplication | undefined,
): PreparedTokenRequest {
  const form = new URLSearchParams(request.form);
  let { authorization } = request;
  const basic = authorization ? parseBasic(authorization) : undefined;
  const bodySecrets = form.getAll("client_secret");

  // Anything ambiguous (two mechanisms, repeated parameters) goes through untouched: the provider
  // rejects it with the right error, and no plain secret can match a stored hash meanwhile.
  const bothMechanisms = authorization !== undefined && bodySecrets.length > 0;
  let presented: { clientId: string | undefined; secret: string } | undefined;
  if (!bothMechanisms && basic) {
    authorization = encodeBasic(basic.clientId, hashSecret(basic.secret));
    presented = basic;
  } else if (!bothMechanisms && bodySecrets.length === 1) {
    const secret = bodySecrets[0]!;
    form.set("client_secret", hashSecret(secret));
    presented = { clientId: single(form, "client_id"), secret };
  }

  if (single(form, "grant_type") !== "client_credentials" || !presented?.clientId) {
    return { kind: "forward", form, authorization };
  }
  const app = findApplication(presented.clientId);
  if (!app || !secretMatches(presented.secret, app.secretHash)) {
    return { kind: "forward", form, authorization };
  }

  if (form.getAll("scope").length > 1) return { kind: "forward", form, authorization };
  const requested = (form.get("scope") ?? "").split(" ").filter(Boolean);
  if (requested.length === 0) {
    if (app.scopes.length > 0) form.set("scope", app.scopes.join(" "));
  } else {
    const unknown = requested.find((scope) => !isScope(scope));
    if (unknown) {
      return { kind: "reject", error: "invalid_scope", description: `unknown scope '${unknown}'` };
    }
  }
  return { kind: "forward", form, authorization };
}

function single(form: URLSearchParams, name: string): string | undefined {
  const values = form.getAll(name);
  return values.length === 1 ? values[0] : undefined;
}

/** RFC 6749 section 2.3.1: both parts are form-urlencoded before base64, and decoded after. */
export function parseBasic(header: string): { clientId: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/]+=*)\s*$/i.exec(header);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon === -1) return undefined;
  try {
    const clientId = formDecode(decoded.slice(0, colon));
    const secret = formDecode(decoded.slice(colon + 1));
    return secret ? { clientId, secret } : undefined;
  } catch {
    return undefined;
  }
}

export function encodeBasic(clientId: string, secret: string): string {
  const pair = `${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`;
  return `Basic ${Buffer.from(pair, "utf8").toString("base64")}`;
}

function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, "%20"));
}
