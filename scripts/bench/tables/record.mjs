// Table: the database's cost of a change and of the sign-out check.

import { ms } from "../stats.mjs";
import { skippedRow } from "./rows.mjs";

export const recordTable = {
  phase: "record",
  title: "The database's cost of a change",
  needsSession: false,
  run: ({ env, settings, tsScript }) =>
    tsScript("scripts/bench/record-cost.ts", [String(settings.recordSamples)], env),
  rows: recordRows,
};

function recordRows(record) {
  if (record.skipped) return skippedRow("The database's cost of a change", record);
  const rows = [];
  for (const [kind, label] of [
    ["pglite", "PGlite"],
    ["postgres", "PostgreSQL"],
  ]) {
    const figures = record[kind];
    if (!figures) continue;
    rows.push(
      [
        `Database cost of a rotate (${label}): lock, claim, audit, record, release`,
        ms(figures.changeMedianMs),
        `median of ${record.samples}, added to the Wink call`,
      ],
      [
        `Sign-out check per request (${label}): isSessionRevoked`,
        ms(figures.isSessionRevokedMedianMs),
        `median of ${record.samples * 3}`,
      ],
    );
  }
  return rows;
}
