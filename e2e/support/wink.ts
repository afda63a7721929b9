import { SANDBOX_DEFAULTS } from "../../lib/wink-contract/sandbox-defaults";
import { E2E } from "./ports";
import { SANDBOX_ENTITY_ID } from "./sandbox";
import { requestToken } from "./secrets";

/**
 * Talks to the sandbox's API directly, with the console's seeded credential: to set up data and
 * to check what the console did, independently of the console.
 */
async function consoleToken(): Promise<string> {
  const token = await requestToken(
    SANDBOX_DEFAULTS.consoleClientId,
    SANDBOX_DEFAULTS.consoleClientSecret,
    "account.read account.write account.remove",
  );
  if (token.status !== 200)
    throw new Error(`no token for the console's credential: ${token.status}`);
  return token.body.access_token!;
}

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(
    `${E2E.sandboxUrl}/api/managing-entity/${SANDBOX_ENTITY_ID}/application${path}`,
    {
      method,
      headers: {
        Authorization: `Bearer ${await consoleToken()}`,
        "Wink-Version": "2.0",
        Accept: "application/json",
        ...(body ? { "Content-Type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    },
  );
  return { status: response.status, body: await response.json() };
}

export interface SandboxApplication {
  id: string;
  name: string;
  clientId: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  scopes: string[];
  iconIdentifier: string | null;
}

export async function createInSandbox(
  overrides: Partial<SandboxApplication> & { clientType?: string } = {},
): Promise<SandboxApplication & { secretKey: string }> {
  const { status, body } = await api("POST", "", {
    name: `E2E app ${Date.now()}`,
    clientType: "WEB",
    redirectUris: ["https://app.example.com/callback"],
    postLogoutRedirectUris: [],
    scopes: ["booking.read"],
    iconIdentifier: null,
    ...overrides,
  });
  if (status !== 201) throw new Error(`sandbox create: ${status} ${JSON.stringify(body)}`);
  return body;
}

export async function listInSandbox(): Promise<SandboxApplication[]> {
  return (await api("GET", "/list")).body;
}

export async function getInSandbox(
  id: string,
): Promise<{ status: number; body: SandboxApplication }> {
  return api("GET", `/${id}`);
}
