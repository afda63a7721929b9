/**
 * A throwaway PostgreSQL server for tests: Debian's `postgresql` binaries, a cluster in a temporary
 * directory, listening on a free port on 127.0.0.1 with its socket in that directory. The system
 * cluster (if any) is left alone.
 *
 * The binaries are required: without them the tests fail with a message saying how to install them
 * (`.ci/run` does), because skipping would let the PostgreSQL path go untested unnoticed.
 */
import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface TestPostgres {
  port: number;
  /** A connection string for `database` on this server (superuser, trust authentication). */
  url(database?: string): string;
  /** Creates an empty database and returns its connection string. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown) and removes its directory. */
  stop(): Promise<void>;
}

/** The newest installed server's bin directory, preferring Debian's 15. */
export function postgresBinDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((version) => existsSync(path.join(root, version, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const chosen = versions.includes("15") ? "15" : versions[0];
  if (!chosen) {
    throw new Error(
      "PostgreSQL's server binaries are missing (no /usr/lib/postgresql/*/bin/initdb). The database tests run against a real PostgreSQL server: install Debian's postgresql (apt-get install -y postgresql) and run them again.",
    );
  }
  return path.join(root, chosen, "bin");
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as the `postgres` user when we are root (initdb refuses to run as root). */
async function asPostgres(bin: string, args: string[]) {
  const asRoot = process.getuid?.() === 0;
  return asRoot ? run("runuser", ["-u", "postgres", "--", bin, ...args]) : run(bin, args);
}

/** Starts a fresh cluster. Call `stop()` in afterAll. */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(path.join(tmpdir(), "console-pg-"));
  if (process.getuid?.() === 0) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = path.join(dir, "data");
  await asPostgres(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres"]);
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      await asPostgres(path.join(bin, "pg_ctl"), [
        "-D",
        data,
        "-o",
        // fsync off: a test cluster is thrown away, and syncing is most of its cost on a busy disk.
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`,
        "-l",
        path.join(dir, "log"),
        "-w",
        "start",
      ]);
      break;
    } catch (error) {
      if (attempt >= 2) {
        const log = existsSync(path.join(dir, "log"))
          ? readFileSync(path.join(dir, "log"), "utf8")
          : "";
        throw new Error(`PostgreSQL did not start: ${String(error)}\n${log}`);
      }
    }
  }
  const url = (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabase(name) {
      const pg = (await import("pg")).default;
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`create database "${name}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      try {
        await asPostgres(path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
