import { createHash, createPublicKey, randomBytes, verify, type JsonWebKey } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RunningSandbox } from "../server";
import { basicAuthorization, startTestSandbox } from "../testing/harness";

let sandbox: RunningSandbox;
const CALLBACK = "http://localhost:3000/api/auth/callback/oidc";

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

/** Just enough of a browser: a cookie jar and redirects followed by hand. */
class Browser {
  cookies = new Map<string, string>();

  async go(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) {
      headers.set(
        "cookie",
        [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
      );
    }
    const response = await fetch(new URL(url, sandbox.issuer), {
      ...init,
      headers,
      redirect: "manual",
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const [name = "", value = ""] = pair.split(/=(.*)/s);
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return response;
  }

  post(url: string, form: Record<string, string>): Promise<Response> {
    return this.go(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form),
    });
  }
}

function location(response: Response): string {
  expect([302, 303], `status of ${response.url}`).toContain(response.status);
  return response.headers.get("location")!;
}

function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  return { verifier, challenge };
}

function authorizeUrl(challenge?: string): string {
  const params = new URLSearchParams({
    client_id: sandbox.oidcClient.clientId,
    response_type: "code",
    redirect_uri: CALLBACK,
    scope: "openid email profile",
    state: "state-123",
  });
  if (challenge) {
    params.set("code_challenge", challenge);
    params.set("code_challenge_method", "S256");
  }
  return `/oauth2/auth?${params}`;
}

async function verifyIdToken(idToken: string): Promise<Record<string, unknown>> {
  const [header = "", payload = "", signature = ""] = idToken.split(".");
  const { kid } = JSON.parse(Buffer.from(header, "base64url").toString()) as { kid: string };
  const jwks = (await (await fetch(`${sandbox.issuer}/oauth2/jwks`)).json()) as {
    keys: (JsonWebKey & { kid: string })[];
  };
  const jwk = jwks.keys.find((key) => key.kid === kid)!;
  const valid = verify(
    "sha256",
    Buffer.from(`${header}.${payload}`),
    createPublicKey({ key: jwk, format: "jwk" }),
    Buffer.from(signature, "base64url"),
  );
  expect(valid).toBe(true);
  return JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
}

describe("admin sign-in (authorization code + PKCE)", () => {
  it("signs Ada in and gives the console an ID token with her email, then signs her out", async () => {
    const browser = new Browser();
    const { verifier, challenge } = pkce();

    const interaction = location(await browser.go(authorizeUrl(challenge)));
    expect(interaction).toMatch(/^\/interaction\//);

    const page = await browser.go(interaction);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('<label for="email">');
    expect(html).toContain('<label for="password">');
    expect(html).toContain("admin@sandbox.test");
    expect(html).not.toMatch(/(src|href)="https?:/);

    const wrong = await browser.post(`${interaction}/login`, {
      email: "admin@sandbox.test",
      password: "nope",
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('role="alert"');

    const resume = location(
      await browser.post(`${interaction}/login`, {
        email: "Admin@Sandbox.test ",
        password: "sandbox",
      }),
    );
    const callback = new URL(location(await browser.go(resume)));
    expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
    expect(callback.searchParams.get("state")).toBe("state-123");
    expect(callback.searchParams.get("iss")).toBe(sandbox.issuer);
    const code = callback.searchParams.get("code")!;

    const tokenResponse = await fetch(sandbox.tokenUrl, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: basicAuthorization(sandbox.oidcClient),
      },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: CALLBACK,
        code_verifier: verifier,
      }),
    });
    expect(tokenResponse.status).toBe(200);
    const tokens = (await tokenResponse.json()) as { id_token: string; access_token: string };
    const claims = await verifyIdToken(tokens.id_token);
    expect(claims).toMatchObject({
      iss: sandbox.issuer,
      aud: sandbox.oidcClient.clientId,
      email: "admin@sandbox.test",
      email_verified: true,
      name: "Ada Admin",
    });

    // A user's access token is not a Wink API credential.
    const api = await fetch(`${sandbox.url}/api/managing-entity/list`, {
      headers: { authorization: `Bearer ${tokens.access_token}`, "wink-version": "2.0" },
    });
    expect(api.status).toBe(401);

    // Sign-out: the console sends the admin to end_session; the page confirms on its own.
    const endSession = await browser.go(
      `/oauth2/session/end?${new URLSearchParams({
        id_token_hint: tokens.id_token,
        post_logout_redirect_uri: "http://localhost:3000/signed-out",
      })}`,
    );
    expect(endSession.status).toBe(200);
    const logoutHtml = await endSession.text();
    expect(logoutHtml).toContain("requestSubmit");
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(logoutHtml)![1]!;
    const signedOut = await browser.post("/oauth2/session/end/confirm", { xsrf, logout: "yes" });
    expect(location(signedOut)).toBe("http://localhost:3000/signed-out");

    // Signed out: the next authorization asks for the login again.
    expect(location(await browser.go(authorizeUrl(pkce().challenge)))).toMatch(/^\/interaction\//);
  });

  it("requires PKCE", async () => {
    const response = await new Browser().go(authorizeUrl());
    const redirect = new URL(location(response));
    expect(redirect.searchParams.get("error")).toBe("invalid_request");
    expect(redirect.searchParams.get("error_description")).toMatch(/PKCE/);
  });

  it("refuses a redirect URI the console did not register, on its own page", async () => {
    const response = await new Browser().go(
      authorizeUrl(pkce().challenge).replace(
        encodeURIComponent(CALLBACK),
        encodeURIComponent("https://evil.example/cb"),
      ),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("redirect_uri");
  });

  it("lets the admin cancel", async () => {
    const browser = new Browser();
    const interaction = location(await browser.go(authorizeUrl(pkce().challenge)));
    const resume = location(await browser.post(`${interaction}/abort`, {}));
    const callback = new URL(location(await browser.go(resume)));
    expect(callback.searchParams.get("error")).toBe("access_denied");
  });

  it("explains an expired sign-in instead of failing", async () => {
    const response = await fetch(`${sandbox.url}/interaction/unknown-uid`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("This sign-in has expired");
  });

  it("publishes discovery at the issuer", async () => {
    const discovery = (await (
      await fetch(`${sandbox.issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: sandbox.issuer,
      token_endpoint: `${sandbox.issuer}/oauth2/token`,
      authorization_endpoint: `${sandbox.issuer}/oauth2/auth`,
      jwks_uri: `${sandbox.issuer}/oauth2/jwks`,
      end_session_endpoint: `${sandbox.issuer}/oauth2/session/end`,
      code_challenge_methods_supported: ["S256"],
    });
    expect(discovery.scopes_supported).toEqual(
      expect.arrayContaining(["openid", "email", "profile", "account.read"]),
    );
  });
});
