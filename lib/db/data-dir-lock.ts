import "server-only";
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";

/**
 * PGlite is PostgreSQL in one process: two processes opening the same directory corrupt it, and
 * nothing in PGlite stops them. A lock file beside the directory, holding the owner's pid, does.
 *
 * Returns the function that frees the directory. Throws when a live process holds it; a lock left
 * by a process that died is taken over.
 */
export function lockDataDirectory(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      let held = true;
      const unlock = () => {
        if (!held) return;
        held = false;
        process.off("exit", unlock);
        try {
          unlinkSync(lockFile);
        } catch {
          // already removed
        }
      };
      process.on("exit", unlock);
      return unlock;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockFile, "utf8").trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `The embedded database in ${dataDir} is open in process ${owner}. Stop that process, or set DATABASE_URL to a PostgreSQL server to run more than one console process.`,
        );
      }
      if (owner === process.pid) {
        throw new Error(`The embedded database in ${dataDir} is already open in this process.`);
      }
      unlinkSync(lockFile);
    }
  }
  throw new Error(`Could not lock the embedded database in ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
