import type { Adapter, AdapterPayload } from "oidc-provider";

import type { SandboxStore } from "../state/store";
import type { StoredApplication } from "../state/types";

/**
 * Storage for oidc-provider. Clients come from the sandbox's own state, so an application created
 * through the API is a client at once, and a rotated or deleted one is gone at once. Everything
 * else (tokens, sessions, interactions, grants) lives in memory: a restart signs admins out and
 * voids access tokens, which the console handles by fetching a new token.
 */
export function createAdapterFactory(store: SandboxStore): (model: string) => Adapter {
  const memory = new ExpiringMemory();
  return (model) =>
    model === "Client" ? new ApplicationClients(store) : new MemoryModel(model, memory);
}

/**
 * The client metadata of an application. Every application is a confidential client of the
 * client-credentials grant; the provider compares the presented secret, hashed by the token
 * endpoint's pre-handler, to the stored hash.
 */
export function clientMetadata(app: StoredApplication): AdapterPayload {
  return {
    client_id: app.clientId,
    client_secret: app.secretHash,
    client_name: app.name,
    grant_types: ["client_credentials"],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: "client_secret_basic",
    // An empty `scope` would let the client ask for any scope, so an OIDC-only application gets
    // "openid", which holds no API scope; the pre-handler refuses "openid" on this grant anyway.
    scope: app.scopes.length > 0 ? app.scopes.join(" ") : "openid",
  };
}

class ApplicationClients implements Adapter {
  constructor(private readonly store: SandboxStore) {}

  async find(clientId: string) {
    const app = this.store.findByClientId(clientId);
    return app ? clientMetadata(app) : undefined;
  }

  // Clients are managed through the Wink API, never through the provider (no dynamic registration).
  async upsert() {}
  async destroy() {}
  async consume() {}
  async revokeByGrantId() {}
  async findByUid() {
    return undefined;
  }
  async findByUserCode() {
    return undefined;
  }
}

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/** A plain map with expiry: unlike the provider's demo adapter, it never evicts a live token. */
class ExpiringMemory {
  readonly entries = new Map<string, Entry>();
  readonly grants = new Map<string, Set<string>>();
  readonly sessionUids = new Map<string, string>();
  #writes = 0;

  get(key: string): AdapterPayload | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  set(key: string, payload: AdapterPayload, expiresIn?: number): void {
    const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : Infinity;
    this.entries.set(key, { payload, expiresAt });
    this.#writes += 1;
    if (this.#writes % 1000 === 0) this.#sweep();
  }

  #sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}

const GRANTABLE = new Set(["AccessToken", "AuthorizationCode", "RefreshToken", "DeviceCode"]);

class MemoryModel implements Adapter {
  constructor(
    private readonly model: string,
    private readonly memory: ExpiringMemory,
  ) {}

  #key(id: string): string {
    return `${this.model}:${id}`;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number) {
    const key = this.#key(id);
    this.memory.set(key, payload, expiresIn);
    if (this.model === "Session" && typeof payload.uid === "string") {
      this.memory.sessionUids.set(payload.uid, id);
    }
    if (GRANTABLE.has(this.model) && typeof payload.grantId === "string") {
      const members = this.memory.grants.get(payload.grantId) ?? new Set<string>();
      members.add(key);
      this.memory.grants.set(payload.grantId, members);
    }
  }

  async find(id: string) {
    return this.memory.get(this.#key(id));
  }

  async findByUid(uid: string) {
    const id = this.memory.sessionUids.get(uid);
    return id ? this.find(id) : undefined;
  }

  async findByUserCode() {
    return undefined;
  }

  async consume(id: string) {
    const payload = this.memory.get(this.#key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string) {
    const key = this.#key(id);
    const payload = this.memory.entries.get(key)?.payload;
    this.memory.entries.delete(key);
    if (this.model === "Session" && typeof payload?.uid === "string") {
      this.memory.sessionUids.delete(payload.uid);
    }
  }

  async revokeByGrantId(grantId: string) {
    for (const key of this.memory.grants.get(grantId) ?? []) this.memory.entries.delete(key);
    this.memory.grants.delete(grantId);
  }
}
