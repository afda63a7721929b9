import "server-only";
import {
  getRecord,
  recordCreated,
  recordDeleted,
  recordRotated,
  updateRecordDetails,
  type RecordActor,
  type RecordDetails,
  type RecordKey,
} from "@/lib/applications/record";
import { log } from "@/lib/log";
import type { ClientType } from "@/lib/wink";

/**
 * The console's record, written after Wink has done a change (lib/applications/record). Passed to
 * the pipeline as a dependency: the tests that run without a database leave it out.
 */
export type RecordWriter = {
  created(
    input: RecordKey & { clientId: string; clientType: ClientType; actor: RecordActor },
  ): Promise<unknown>;
  rotated(input: RecordKey & { newClientId: string; actor: RecordActor }): Promise<unknown>;
  deleted(input: RecordKey): Promise<unknown>;
  /**
   * Description and owner, and the client type only while the record has none: an admin records
   * an unknown type, and a type recorded at create (or by an admin) is not overwritten here.
   */
  details(input: RecordKey & RecordDetails): Promise<unknown>;
};

export const databaseRecordWriter: RecordWriter = {
  created: (input) => recordCreated(input),
  rotated: (input) => recordRotated(input),
  deleted: (input) => recordDeleted(input),
  async details({ clientType, ...input }) {
    const known = clientType ? (await getRecord(input))?.clientType : null;
    return updateRecordDetails(known ? input : { ...input, clientType });
  },
};

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
