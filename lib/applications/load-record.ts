import "server-only";
import { cache } from "react";
import { reconcileOne, toPublicRecord, type PublicRecord } from "@/lib/applications/record";
import { log } from "@/lib/log";

/** The record an application page shows, or why not (the database could not be read). */
export type LoadedRecord = { ok: true; record: PublicRecord } | { ok: false };

/**
 * The console's record of one application, reconciled with what Wink answered for this page
 * (`observedAt`: when Wink was asked), memoised per request (the page and its metadata share it).
 * A database failure is logged by error class (the driver's message may name the host and the
 * user) and answered `{ ok: false }`: the page still shows Wink's data.
 */
export const loadRecordForPage = cache(
  async (
    entityId: string,
    id: string,
    clientId: string,
    observedAt: number,
  ): Promise<LoadedRecord> => {
    try {
      const row = await reconcileOne(
        entityId,
        { id, clientId },
        { observedAt: new Date(observedAt) },
      );
      return { ok: true, record: toPublicRecord(row) };
    } catch (error) {
      log.warn("record.unavailable", {
        entityId,
        applicationId: id,
        error: error instanceof Error ? error.name : typeof error,
      });
      return { ok: false };
    }
  },
);
