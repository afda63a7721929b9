// Table: the list at scale (10,000 applications) in the browser.
//
// Further list measurements (a list at 100 applications to compare with, the page's HTML size, the
// paged route handler) belong here: measure them in `measureListScale`, return them with the rest,
// and give them rows in `scaleRows`.

import { measureScale } from "../browser.mjs";
import { kib, ms } from "../stats.mjs";
import { skippedRow } from "./rows.mjs";

const SEARCH_KEYS = ["1", "2", "3", "Backspace", "Backspace", "Backspace", "4", "Backspace"];

async function measureListScale({ browser, sandbox, session, urls, settings }) {
  await sandbox.clearFaults();
  await sandbox.seed(settings.seed);
  const total = await sandbox.countApplications();
  const scale = await measureScale(browser, session.storageState, urls.page, {
    navigations: settings.navigations,
    keys: SEARCH_KEYS,
  });
  return { applications: total, ...scale };
}

export const scaleTable = {
  phase: "scale",
  title: "Scale",
  needsSession: true,
  run: measureListScale,
  rows: scaleRows,
};

function scaleRows(scale) {
  if (scale.skipped) return skippedRow("Scale", scale);
  return [
    [
      `${scale.applications.toLocaleString("en")} applications: navigation → first row visible`,
      ms(scale.firstRowMs),
      `aim < 2 s; median of ${scale.firstRowRunsMs.length}; HTML ${kib(scale.documentTransferBytes)} on the wire, done at ${ms(scale.htmlResponseEndMs)}`,
    ],
    [
      "… keystroke in search → updated list",
      ms(scale.keystrokeMs),
      `aim < 200 ms; median of ${scale.keystrokesMeasured}/${scale.keystrokes.length}; max ${ms(scale.keystrokeMaxMs)}`,
    ],
  ];
}
