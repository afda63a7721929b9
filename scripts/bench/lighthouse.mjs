// Lighthouse through npx (not a devDependency: one of its dependencies is declared as `latest` and
// keeps the lockfile stale). Any failure to fetch or run it is a skip with its reason, not a failed
// bench.

import { spawn } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { chromePath } from "./browser.mjs";
import { median } from "./stats.mjs";

export const LIGHTHOUSE = "lighthouse@12.8.2";
const CATEGORIES = ["performance", "accessibility", "best-practices"];
const CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage";

function run(command, args, { env, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL"); // lighthouse and the Chrome it launched
      } catch {
        // gone
      }
      resolve({ code: null, output: `${output}\ntimed out after ${timeoutMs / 1000} s` });
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: null, output: error.message });
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** The last meaningful line of a failed run, for the "skipped: <reason>" line. */
function reasonOf(output) {
  const lines = output
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !/Unknown user config "nodedir"/.test(line));
  const error = lines.findLast((line) => /error|fail|timed out|ENOTFOUND|E\d{3}/i.test(line));
  return (error ?? lines.at(-1) ?? "no output").slice(0, 200);
}

async function runOnce(url, { workDir, cookieHeader, timeoutMs, index }) {
  const output = path.join(workDir, `lighthouse-${index}.json`);
  const args = [
    "--yes",
    LIGHTHOUSE,
    url,
    "--output=json",
    `--output-path=${output}`,
    "--quiet",
    "--preset=desktop",
    `--only-categories=${CATEGORIES.join(",")}`,
    `--chrome-flags=${CHROME_FLAGS}`,
  ];
  if (cookieHeader) {
    const headers = path.join(workDir, `lighthouse-headers-${index}.json`);
    await writeFile(headers, JSON.stringify({ Cookie: cookieHeader }), { mode: 0o600 });
    args.push(`--extra-headers=${headers}`);
  }
  const env = { ...process.env };
  const chrome = chromePath();
  if (chrome) env.CHROME_PATH = chrome;
  const result = await run("npx", args, { env, timeoutMs });
  if (result.code !== 0) return { error: reasonOf(result.output) };
  const report = JSON.parse(await readFile(output, "utf8"));
  await rm(output, { force: true });
  if (report.runtimeError) return { error: `${report.runtimeError.code}` };
  const scores = {};
  const failing = {};
  for (const category of CATEGORIES) {
    const score = report.categories?.[category]?.score;
    scores[category] = typeof score === "number" ? Math.round(score * 100) : null;
    // What cost points: the weighted audits of the category that did not pass.
    failing[category] = (report.categories?.[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => report.audits?.[ref.id])
      .filter((audit) => audit && typeof audit.score === "number" && audit.score < 0.9)
      .map((audit) => {
        const items = (audit.details?.items ?? [])
          .slice(0, 3)
          .map((item) =>
            [item.description ?? item.issueType, item.sourceLocation?.url ?? item.url]
              .filter(Boolean)
              .join(" ")
              .slice(0, 200),
          )
          .filter(Boolean);
        return `${audit.id}: ${audit.displayValue ?? audit.title}${items.length ? ` (${items.join("; ")})` : ""}`;
      });
  }
  return {
    scores,
    failing,
    finalUrl: report.finalDisplayedUrl ?? report.finalUrl,
    lcpMs: report.audits?.["largest-contentful-paint"]?.numericValue ?? null,
    tbtMs: report.audits?.["total-blocking-time"]?.numericValue ?? null,
    cls: report.audits?.["cumulative-layout-shift"]?.numericValue ?? null,
  };
}

let counter = 0;

/** Median scores of `runs` Lighthouse runs of `url`; `{ skipped }` when Lighthouse cannot run. */
export async function lighthouse(url, { runs, workDir, cookieHeader, expectPath }) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    // The first run may have to fetch Lighthouse into npx's cache.
    const timeoutMs = counter === 0 ? 240_000 : 120_000;
    counter += 1;
    const sample = await runOnce(url, { workDir, cookieHeader, timeoutMs, index: counter });
    if (sample.error) return { skipped: sample.error };
    if (expectPath && !new URL(sample.finalUrl).pathname.startsWith(expectPath)) {
      return { skipped: `landed on ${sample.finalUrl}, not ${expectPath}` };
    }
    samples.push(sample);
  }
  const result = { runs: samples.length, finalUrl: samples.at(-1).finalUrl };
  for (const category of CATEGORIES) {
    result[category] = median(samples.map((sample) => sample.scores[category]));
  }
  result.lcpMs = median(samples.map((sample) => sample.lcpMs));
  result.tbtMs = median(samples.map((sample) => sample.tbtMs));
  result.cls = median(samples.map((sample) => sample.cls));
  result.failingAudits = samples.at(-1).failing;
  return result;
}
