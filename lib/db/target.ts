import "server-only";
import path from "node:path";
import { readFileSetting } from "@/lib/env/files";

/** Where the console's record lives: a PostgreSQL server, or the embedded PGlite's directory. */
export type DatabaseTarget =
  | {
      kind: "postgres";
      url: string;
      poolSize?: number;
      /** How long a query may wait for a connection (a new one, or a free one from the pool). */
      connectTimeoutMs?: number;
    }
  | { kind: "pglite"; dataDir: string };

/** Thrown for a malformed DATABASE_URL. The message names the variable, never its value. */
export class DatabaseSettingError extends Error {
  override name = "DatabaseSettingError";
}

/**
 * Reads the database setting from the environment:
 * - `DATABASE_URL` (or `DATABASE_URL_FILE`, a file holding it): a `postgres://` or `postgresql://`
 *   connection string; any number of console processes may share the server.
 * - unset: the embedded PGlite, its files in `CONSOLE_DATA_DIR` (default `.data/console-db` under
 *   the working directory); one console process only.
 *
 * Throws `DatabaseSettingError` when the URL is not a PostgreSQL URL, when both DATABASE_URL and
 * DATABASE_URL_FILE are set, or when the file cannot be read. The URL usually carries a
 * password, so no message repeats it.
 */
export function databaseTarget(
  env: Record<string, string | undefined> = process.env,
): DatabaseTarget {
  // The same rule as the other secrets (lib/env/files.ts): one of the two, and a readable file.
  const read = readFileSetting(env, "DATABASE_URL");
  if ("issue" in read) {
    throw new DatabaseSettingError(`${read.issue.variable} ${read.issue.message}`);
  }
  const url = read.value?.trim();
  if (!url) {
    // Resolved against the working directory at run time; the comment keeps Next's file tracing
    // from copying the whole project into the build because of it.
    const cwd = /* turbopackIgnore: true */ process.cwd();
    const dataDir = env.CONSOLE_DATA_DIR?.trim() || path.join(cwd, ".data", "console-db");
    return { kind: "pglite", dataDir: path.resolve(/* turbopackIgnore: true */ cwd, dataDir) };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseSettingError(
      "DATABASE_URL is not a URL. Set it to postgres://USER:PASSWORD@HOST:5432/DATABASE, or unset it to use the embedded database.",
    );
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new DatabaseSettingError(
      `DATABASE_URL must start with postgres:// or postgresql:// (it starts with ${parsed.protocol}//).`,
    );
  }
  return { kind: "postgres", url };
}
