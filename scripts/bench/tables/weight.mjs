// Table: the JavaScript the list page loads.

import { measureWeight } from "../browser.mjs";
import { kib } from "../stats.mjs";
import { skippedRow } from "./rows.mjs";

export const weightTable = {
  phase: "weight",
  title: "Weight",
  needsSession: true,
  run: ({ browser, session, urls, settings }) =>
    measureWeight(browser, session.storageState, urls.page, settings.weightRuns),
  rows: weightRows,
};

function weightRows(weight) {
  if (weight.skipped) return skippedRow("Weight", weight);
  return [
    [
      "JavaScript transferred by the list page (compressed)",
      kib(weight.scriptBytes),
      `aim ≤ 150 KiB; ${weight.scriptFiles} files; everything: ${kib(weight.totalBytes)}`,
    ],
  ];
}
