// Table: the list at scale. The same measurements at the sandbox's few applications (about 100 are
// seeded first) and at 10,000: in the browser, navigation to the first row and a keystroke in the
// search box to the updated table; on the wire, the page's HTML and the server's times for the
// page and the paged route handler (../list-page.mjs). The aims are ratios of the two sizes.

import { measureScale } from "../browser.mjs";
import { measureListSizes } from "../list-page.mjs";
import { kib, ms } from "../stats.mjs";
import { ratio, skippedRow } from "./rows.mjs";

const SEARCH_KEYS = ["1", "2", "3", "Backspace", "Backspace", "Backspace", "4", "Backspace"];
const SMALL = 100;

async function measureListScale({ browser, sandbox, session, cookie, consoleUrl, urls, settings }) {
  await sandbox.clearFaults();
  const inBrowser = async () => ({
    applications: await sandbox.countApplications(),
    ...(await measureScale(browser, session.storageState, urls.page, {
      navigations: settings.navigations,
      keys: SEARCH_KEYS,
    })),
  });
  // measureListSizes seeds the sandbox up to each size in turn (it never shrinks).
  const [smallWire] = Object.values(
    await measureListSizes({ sandbox, consoleUrl, cookie, sizes: [SMALL] }),
  );
  const small = await inBrowser();
  const [largeWire] = Object.values(
    await measureListSizes({ sandbox, consoleUrl, cookie, sizes: [settings.seed] }),
  );
  const large = await inBrowser();
  return { small: { ...small, wire: smallWire }, large: { ...large, wire: largeWire } };
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
  const { small, large } = scale;
  const sizes = `${small.applications.toLocaleString("en")} → ${large.applications.toLocaleString("en")} applications`;
  const row = (what, pick, format, notes) => [
    `${what}, ${sizes}`,
    `${format(pick(small))} → ${format(pick(large))}`,
    notes(pick(large) / pick(small)),
  ];
  return [
    row(
      "navigation → first row visible",
      (size) => size.firstRowMs,
      ms,
      (r) => `${ratio(r)}; aim ≤ ×1.2; median of ${large.firstRowRunsMs.length}`,
    ),
    row(
      "keystroke in search → updated table",
      (size) => size.keystrokeMs,
      ms,
      (r) => `${ratio(r)}; aim ≤ ×1.2 and median ≤ 50 ms; max ${ms(large.keystrokeMaxMs)}`,
    ),
    row(
      "list page HTML on the wire (gzip)",
      (size) => size.wire.htmlBytes,
      kib,
      () => "aim < 50 KiB at any size",
    ),
    row(
      "list page server time",
      (size) => size.wire.pageMs,
      ms,
      (r) => `${ratio(r)}; median of 5`,
    ),
    row(
      "route handler, first page read from Wink",
      (size) => size.wire.routeFirstPageMs,
      ms,
      (r) => `${ratio(r)}; Wink's whole array is read, then paged on the server`,
    ),
    row(
      "route handler, a search from the process's copy",
      (size) => size.wire.routeViewChangeMs,
      ms,
      (r) => `${ratio(r)}; what a keystroke costs the server`,
    ),
  ];
}
