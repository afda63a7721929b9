// Table: Lighthouse scores of the sign-in page, the list, an application's page and the Activity page.

import { lighthouse, LIGHTHOUSE } from "../lighthouse.mjs";
import { ENTITY_ID } from "../sandbox.mjs";
import { ms } from "../stats.mjs";
import { skippedRow } from "./rows.mjs";

// One of the sandbox's seeded samples (sandbox/state/seed.ts): the page Lighthouse scores.
const SAMPLE_APPLICATION_ID = "4a8f2c6e-1b3d-4f5a-8c7e-9d0b1a2c3e4f";

async function measureLighthouse({ consoleUrl, cookie, urls, settings, workDir }) {
  const common = { runs: settings.lighthouseRuns, workDir };
  const signInPage = await lighthouse(`${consoleUrl}/sign-in`, {
    ...common,
    expectPath: "/sign-in",
  });
  // Nothing would run the second page if Lighthouse cannot be fetched at all.
  if (signInPage.skipped && /npm|npx|E\d{3}|ENOTFOUND|registry/i.test(signInPage.skipped)) {
    throw new Error(signInPage.skipped);
  }
  const listPage = await lighthouse(urls.page, {
    ...common,
    cookieHeader: cookie,
    expectPath: `/entities/${ENTITY_ID}/applications`,
  });
  const applicationPage = await lighthouse(`${urls.page}/${SAMPLE_APPLICATION_ID}`, {
    ...common,
    cookieHeader: cookie,
    expectPath: `/entities/${ENTITY_ID}/applications/${SAMPLE_APPLICATION_ID}`,
  });
  const activityPage = await lighthouse(`${consoleUrl}/entities/${ENTITY_ID}/activity`, {
    ...common,
    cookieHeader: cookie,
    expectPath: `/entities/${ENTITY_ID}/activity`,
  });
  return {
    tool: LIGHTHOUSE,
    pages: {
      "sign-in page": signInPage,
      "list page": listPage,
      "application page": applicationPage,
      "Activity page": activityPage,
    },
  };
}

export const lighthouseTable = {
  phase: "lighthouse",
  title: "Lighthouse",
  needsSession: true,
  run: measureLighthouse,
  rows: lighthouseRows,
};

function lighthouseRows(lighthouse) {
  if (lighthouse.skipped) return skippedRow("Lighthouse", lighthouse);
  return Object.entries(lighthouse.pages).map(([name, page]) =>
    page.skipped
      ? [`Lighthouse ${name}`, `skipped: ${page.skipped}`, ""]
      : [
          `Lighthouse ${name} (desktop): performance / accessibility / best practices`,
          `${page.performance} / ${page.accessibility} / ${page["best-practices"]}`,
          `aim 100 / 100 / 100; median of ${page.runs}; LCP ${ms(page.lcpMs)}, TBT ${ms(page.tbtMs)}`,
        ],
  );
}
