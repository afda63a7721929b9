import "server-only";
import { log } from "@/lib/log";

/**
 * Runs a record write after Wink's change succeeded. Never throws: Wink has done the change (and
 * may have issued a secret the admin has not seen yet), so a failure here is logged by its error
 * class and answered false; the next reconcile notices what Wink now holds.
 */
export async function afterWink(what: string, write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    log.warn("record.write-failed", {
      what,
      error: error instanceof Error ? error.name : typeof error,
    });
    return false;
  }
}
