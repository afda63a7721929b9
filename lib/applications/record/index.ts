/**
 * The console's record of each application (what Wink does not keep), written after each change
 * and reconciled with Wink's list on read.
 */
export {
  getRecord,
  recordCreated,
  recordDeleted,
  recordDetailsSchema,
  recordRotated,
  updateRecordDetails,
  type RecordActor,
  type RecordDetails,
  type RecordKey,
} from "./write";
export {
  reconcile,
  reconcileOne,
  reconcileRecords,
  type ReconcileOptions,
  type ReconciledRecords,
  type WinkApplicationRef,
} from "./reconcile";
export {
  describeSecretAge,
  guessClientType,
  secretAge,
  toPublicRecord,
  type PublicRecord,
} from "./public-record";
export type { ApplicationRecord } from "@/lib/db/schema";
