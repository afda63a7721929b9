import { randomUUID } from "node:crypto";

import { hashSecret, newCredential } from "./credentials";
import { readStateFile, StateFileWriter } from "./persistence";
import {
  consoleApplication,
  generatedApplication,
  seedState,
  type ConsoleCredentialConfig,
} from "./seed";
import type {
  ApplicationFields,
  ClientType,
  IssuedCredential,
  StoredApplication,
  StoredState,
} from "./types";

export interface StoreOptions {
  /** Where the state lives; undefined keeps it in memory only. */
  dataFile?: string;
  consoleCredential: ConsoleCredentialConfig;
}

export type DeleteOutcome = "deleted" | "protected" | "not-found";

/**
 * The sandbox's applications, indexed by id and by clientId. Every mutation changes memory
 * synchronously; callers then `await store.flush()` before they answer, so that what a client was
 * told happened survives a restart.
 */
export class SandboxStore {
  #byId = new Map<string, StoredApplication>();
  #byClientId = new Map<string, StoredApplication>();
  #generated = 0;
  readonly #writer: StateFileWriter | null;

  private constructor(
    state: StoredState,
    private readonly options: StoreOptions,
  ) {
    this.#writer = options.dataFile
      ? new StateFileWriter(options.dataFile, () => this.snapshot())
      : null;
    this.#load(state);
  }

  static async open(options: StoreOptions): Promise<SandboxStore> {
    const existing = options.dataFile ? await readStateFile(options.dataFile) : undefined;
    const store = new SandboxStore(existing ?? seedState(options.consoleCredential), options);
    if (existing) store.#applyConsoleCredential();
    await store.flush();
    return store;
  }

  get dataFile(): string | undefined {
    return this.options.dataFile;
  }

  /** Back to a fresh seed, as on a first start. */
  async reset(): Promise<void> {
    this.#load(seedState(this.options.consoleCredential));
    await this.flush();
  }

  async flush(): Promise<void> {
    await this.#writer?.flush();
  }

  async close(): Promise<void> {
    await this.#writer?.settled();
  }

  snapshot(): StoredState {
    return { format: "wink-sandbox-state", version: 1, applications: [...this.#byId.values()] };
  }

  get size(): number {
    return this.#byId.size;
  }

  list(managingEntityId: string): StoredApplication[] {
    return [...this.#byId.values()].filter((app) => app.managingEntityId === managingEntityId);
  }

  get(managingEntityId: string, id: string): StoredApplication | undefined {
    const app = this.#byId.get(id);
    return app?.managingEntityId === managingEntityId ? app : undefined;
  }

  findByClientId(clientId: string): StoredApplication | undefined {
    return this.#byClientId.get(clientId);
  }

  /** The console's own application, if it still exists. */
  consoleApplication(): StoredApplication | undefined {
    return [...this.#byId.values()].find((app) => app.role === "console");
  }

  create(
    managingEntityId: string,
    userIdentifier: string,
    clientType: ClientType,
    fields: ApplicationFields,
  ): { application: StoredApplication; credential: IssuedCredential } {
    const credential = this.#uniqueCredential();
    const now = new Date().toISOString();
    const application: StoredApplication = {
      id: randomUUID(),
      managingEntityId,
      userIdentifier,
      clientType,
      clientId: credential.clientId,
      secretHash: hashSecret(credential.secretKey),
      ...fields,
      createdAt: now,
      updatedAt: now,
    };
    this.#insert(application);
    return { application, credential };
  }

  update(
    managingEntityId: string,
    id: string,
    fields: Partial<ApplicationFields> & Pick<ApplicationFields, "name">,
  ): StoredApplication | undefined {
    const app = this.get(managingEntityId, id);
    if (!app) return undefined;
    Object.assign(app, fields, { updatedAt: new Date().toISOString() });
    return app;
  }

  delete(managingEntityId: string, id: string): DeleteOutcome {
    const app = this.get(managingEntityId, id);
    if (!app) return "not-found";
    if (app.role === "founding") return "protected";
    this.#byId.delete(app.id);
    this.#byClientId.delete(app.clientId);
    return "deleted";
  }

  /** New clientId AND secret: the old clientId disappears, so the old pair stops working at once. */
  rotate(managingEntityId: string, id: string): IssuedCredential | undefined {
    const app = this.get(managingEntityId, id);
    if (!app) return undefined;
    const credential = this.#uniqueCredential();
    this.#byClientId.delete(app.clientId);
    app.clientId = credential.clientId;
    app.secretHash = hashSecret(credential.secretKey);
    app.updatedAt = new Date().toISOString();
    delete app.configuredCredential;
    this.#byClientId.set(app.clientId, app);
    return credential;
  }

  /** Adds `count` generated applications to the entity, for volume tests. */
  generate(count: number): number {
    const now = new Date().toISOString();
    for (let i = 0; i < count; i += 1) {
      this.#generated += 1;
      this.#insert(generatedApplication(this.#generated, now));
    }
    return count;
  }

  #load(state: StoredState): void {
    this.#byId.clear();
    this.#byClientId.clear();
    this.#generated = 0;
    for (const app of state.applications) this.#insert(app);
    this.#generated = state.applications.length;
  }

  #insert(app: StoredApplication): void {
    this.#byId.set(app.id, app);
    this.#byClientId.set(app.clientId, app);
  }

  #uniqueCredential(): IssuedCredential {
    let credential = newCredential();
    while (this.#byClientId.has(credential.clientId)) credential = newCredential();
    return credential;
  }

  /**
   * SANDBOX_CONSOLE_CLIENT_ID/_SECRET are applied on every start, so changing them takes effect,
   * unless the console's application was rotated or deleted through the API: then the stored state
   * wins, exactly as Wink would lock a console out that rotated its own credential.
   */
  #applyConsoleCredential(): void {
    const current = this.consoleApplication();
    if (!current?.configuredCredential) return;
    const configured = consoleApplication(this.options.consoleCredential);
    this.#byClientId.delete(current.clientId);
    current.clientId = configured.clientId;
    current.secretHash = configured.secretHash;
    this.#byClientId.set(current.clientId, current);
  }
}
