// Helpers of the tables' rows: [measure, result, notes].

import { round } from "../stats.mjs";

export const ratio = (value) =>
  value === null || value === undefined || !Number.isFinite(value) ? "n/a" : `×${round(value, 2)}`;

export function skippedRow(what, phase) {
  return [[what, `skipped: ${phase.skipped}`, ""]];
}
