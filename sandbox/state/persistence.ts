import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";

import { z } from "zod";

import { CLIENT_TYPES, type StoredState } from "./types";

const storedApplicationSchema = z.object({
  id: z.string(),
  managingEntityId: z.string(),
  userIdentifier: z.string(),
  name: z.string(),
  clientType: z.enum(CLIENT_TYPES),
  clientId: z.string(),
  secretHash: z.string().regex(/^[0-9a-f]{64}$/),
  redirectUris: z.array(z.string()),
  postLogoutRedirectUris: z.array(z.string()),
  scopes: z.array(z.string()),
  iconIdentifier: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  role: z.enum(["console", "founding"]).optional(),
  configuredCredential: z.boolean().optional(),
});

const storedStateSchema = z.object({
  format: z.literal("wink-sandbox-state"),
  version: z.literal(1),
  applications: z.array(storedApplicationSchema),
});

/** Reads the state file; undefined when there is none yet (first start). */
export async function readStateFile(path: string): Promise<StoredState | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not valid JSON. Move it away, or start with --memory.`);
  }
  const result = storedStateSchema.safeParse(parsed);
  if (!result.success) {
    throw new Error(
      `${path} is not a sandbox state file (${result.error.issues[0]?.message}). ` +
        "Move it away, or start with --memory.",
    );
  }
  return result.data;
}

/**
 * Writes so that a crash leaves either the old file or the new one, never half of one: write a
 * temporary file in the same directory, fsync it, rename it over the old one, fsync the directory.
 * The file holds secret hashes only, but it is still nobody else's business: mode 600.
 */
export async function writeFileAtomic(path: string, contents: string): Promise<void> {
  const directory = dirname(path);
  await mkdir(directory, { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    const file = await open(temporary, "w", 0o600);
    try {
      await file.writeFile(contents, "utf8");
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(directory);
}

async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic there.
  }
}

/**
 * Serialises writes of one file and coalesces bursts: a caller's `flush()` resolves once a write
 * that contains every change made before the call is on disk, so a mutation is acknowledged only
 * after it is durable, while ten concurrent mutations cost two writes, not ten.
 */
export class StateFileWriter {
  #requested = 0;
  #written = 0;
  #running: Promise<void> | null = null;

  constructor(
    readonly path: string,
    private readonly snapshot: () => StoredState,
  ) {}

  async flush(): Promise<void> {
    const target = ++this.#requested;
    while (this.#written < target) {
      this.#running ??= this.#writeOnce().finally(() => {
        this.#running = null;
      });
      await this.#running;
    }
  }

  /** Waits for the write in progress, if any (used on shutdown). */
  async settled(): Promise<void> {
    await this.#running?.catch(() => undefined);
  }

  async #writeOnce(): Promise<void> {
    const version = this.#requested;
    await writeFileAtomic(this.path, `${JSON.stringify(this.snapshot(), null, 1)}\n`);
    this.#written = version;
  }
}
