import { E2E } from "./ports";

type MutationCounts = { creates: number; updates: number; deletes: number; rotations: number };

export interface SandboxStats {
  requests: Record<string, number | undefined>;
  mutations: MutationCounts & { byApplication: Record<string, Partial<MutationCounts>> };
  tokens: { requests: number; issued: number };
}

/** Drives the sandbox's test controls (enabled for the e2e run with --controls). */
export class SandboxControls {
  constructor(private readonly baseUrl = E2E.sandboxUrl) {}

  private async call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${this.baseUrl}/__sandbox/${path}`, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status}`);
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  }

  reset() {
    return this.call("POST", "reset");
  }

  seed(count: number) {
    return this.call("POST", "seed", { count });
  }

  fault(fault: Record<string, unknown>) {
    return this.call("POST", "faults", fault);
  }

  clearFaults() {
    return this.call("DELETE", "faults");
  }

  stats(): Promise<SandboxStats> {
    return this.call("GET", "stats");
  }
}

export const SANDBOX_ENTITY_ID = "d5b8a3c2-9e6f-4a1b-8d34-7c2e1f0a5b69";
export const SANDBOX_ENTITY_NAME = "Sandbox Travel Co.";
export const SANDBOX_PASSWORD = "sandbox";
export const USERS = {
  admin: "admin@sandbox.test",
  viewer: "viewer@sandbox.test",
  stranger: "stranger@outside.test",
} as const;
export type UserKey = keyof typeof USERS;
