// The sandbox's test controls and a direct API client: JavaScript equivalents of
// e2e/support/sandbox.ts and e2e/support/wink.ts (those are TypeScript and Playwright-bound).

import { SANDBOX_DEFAULTS } from "../../lib/wink-contract/sandbox-defaults.ts";

export const ENTITY_ID = "d5b8a3c2-9e6f-4a1b-8d34-7c2e1f0a5b69";
export const ADMIN = { email: "admin@sandbox.test", password: "sandbox" };
const CONSOLE_CREDENTIAL = {
  clientId: SANDBOX_DEFAULTS.consoleClientId,
  clientSecret: SANDBOX_DEFAULTS.consoleClientSecret,
};

export class Sandbox {
  constructor(url) {
    this.url = url;
  }

  async control(method, path, body) {
    const response = await fetch(`${this.url}/__sandbox/${path}`, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  reset() {
    return this.control("POST", "reset");
  }

  seed(count) {
    return this.control("POST", "seed", { count });
  }

  /** Sets the fault of one operation, replacing its previous one. */
  fault(fault) {
    return this.control("POST", "faults", fault);
  }

  clearFaults() {
    return this.control("DELETE", "faults");
  }

  stats() {
    return this.control("GET", "stats");
  }

  /** A token for the console's own credential, as the console gets one. */
  async token(scope = "account.read") {
    const basic = Buffer.from(
      `${encodeURIComponent(CONSOLE_CREDENTIAL.clientId)}:${encodeURIComponent(CONSOLE_CREDENTIAL.clientSecret)}`,
    ).toString("base64");
    const response = await fetch(`${this.url}/oauth2/token`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${basic}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ grant_type: "client_credentials", scope }),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(`sandbox token: ${response.status} ${JSON.stringify(body)}`);
    return body.access_token;
  }

  listUrl(entityId = ENTITY_ID) {
    return `${this.url}/api/managing-entity/${entityId}/application/list`;
  }

  /** How many applications the entity has, straight from the API. */
  async countApplications(entityId = ENTITY_ID) {
    const response = await fetch(this.listUrl(entityId), {
      headers: winkHeaders(await this.token()),
    });
    if (!response.ok) throw new Error(`sandbox list: ${response.status}`);
    return (await response.json()).length;
  }

  /** Creates an application straight in the API (not through the console), for a flow to work on. */
  async createApplication(name) {
    const response = await fetch(`${this.url}/api/managing-entity/${ENTITY_ID}/application`, {
      method: "POST",
      headers: {
        ...winkHeaders(await this.token("account.read account.write")),
        "Content-Type": "application/json",
      },
      body: JSON.stringify({
        name,
        clientType: "MACHINE_2_MACHINE",
        redirectUris: [],
        postLogoutRedirectUris: [],
        scopes: ["booking.read"],
        iconIdentifier: null,
      }),
    });
    const body = await response.json();
    if (response.status !== 201) throw new Error(`sandbox create: ${response.status}`);
    return body;
  }

  entitiesUrl() {
    return `${this.url}/api/managing-entity/list`;
  }
}

/** Headers of a direct Wink API call. */
export function winkHeaders(token) {
  return { Authorization: `Bearer ${token}`, "Wink-Version": "2.0", Accept: "application/json" };
}

/** The difference of two stats snapshots, for the counters the bench reports. */
export function statsDelta(before, after) {
  const requests = {};
  for (const key of new Set([...Object.keys(before.requests), ...Object.keys(after.requests)])) {
    requests[key] = (after.requests[key] ?? 0) - (before.requests[key] ?? 0);
  }
  return {
    requests,
    tokenRequests: after.tokens.requests - before.tokens.requests,
    tokensIssued: after.tokens.issued - before.tokens.issued,
  };
}
