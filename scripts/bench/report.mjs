// The bench's table: one row per figure, the same rows README's "Performance" section shows.

import { formatCalls } from "./flows.mjs";
import { kib, markdownTable, mib, ms, round } from "./stats.mjs";

const ratio = (value) =>
  value === null || !Number.isFinite(value) ? "n/a" : `×${round(value, 2)}`;

function skippedRow(what, phase) {
  return [[what, `skipped: ${phase.skipped}`, ""]];
}

function overheadRows(overhead) {
  if (overhead.skipped) return skippedRow("Overhead over Wink", overhead);
  const rows = [];
  for (const result of Object.values(overhead)) {
    const { medianMs: m, ratio: r, callsPerRequest: calls, failures } = result;
    const wink = (name) => `${calls[name].entities} entities + ${calls[name].list} list`;
    const failed = Object.values(failures).reduce((sum, count) => sum + count, 0);
    rows.push(
      [`${result.label}: direct Wink list call`, ms(m.direct), `median of ${result.samples}`],
      [
        `… console route handler /api/entities/:id/applications`,
        `${ms(m.route)} (${ratio(r.route)})`,
        `aim < ×1.15; Wink calls per request: ${wink("route")}`,
      ],
      [
        `… console list page /entities/:id/applications`,
        `${ms(m.page)} (${ratio(r.page)})`,
        `aim < ×1.5; Wink calls per request: ${wink("page")}`,
      ],
      [
        "… console floor: /api/health (no Wink call)",
        ms(m.health),
        `aim: none, the floor${failed ? `; ${failed} failed requests` : ""}`,
      ],
    );
  }
  return rows;
}

function tokenRows(tokens) {
  if (tokens.skipped) return skippedRow("Token economy", tokens);
  const perRun = tokens.runs.map((run) => run.tokenRequests).join(", ");
  return [
    [
      `Token requests, ${tokens.concurrency} concurrent reads on a cold console`,
      String(tokens.tokenRequests),
      `aim: exactly 1 (runs: ${perRun})`,
    ],
    [
      "… Wink API calls for those reads",
      `${tokens.listCalls} list + ${tokens.entitiesCalls} entities`,
      `aim ${tokens.concurrency} list + ≤ 1 entities; burst ${ms(tokens.burstMs)}; ${tokens.failed} failed`,
    ],
  ];
}

function loadRows(load) {
  if (load.skipped) return skippedRow("Load", load);
  const bad = load.errors + load.timeouts + load.non2xx;
  return [
    [
      `Load: list page, ${load.connections} connections, ${load.durationSeconds} s`,
      `${round(load.requestsPerSecond, 1)} req/s`,
      `aim: no errors; ${load.requestsTotal} requests; ${bad === 0 ? "no errors" : `${load.errors} errors, ${load.timeouts} time-outs, ${load.non2xx} non-2xx`}`,
    ],
    [
      "… latency p50 / p99",
      `${ms(load.latencyP50Ms)} / ${ms(load.latencyP99Ms)}`,
      "aim p99 < 1 s (on this machine)",
    ],
    [
      "… next-server RSS before → after",
      `${mib(load.rssBeforeMiB)} → ${mib(load.rssAfterMiB)}`,
      "aim < 512 MiB after",
    ],
  ];
}

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

function flowRows(flows) {
  if (flows.skipped) return skippedRow("Wink calls per flow", flows);
  return Object.entries(flows.flows).map(([name, flow]) => {
    const over = flow.total > formatTotal(flow.aim);
    return [
      `Wink calls per flow: ${name}`,
      formatCalls(flow.calls),
      `aim ${formatCalls(flow.aim)}${over ? " — above the aim" : ""}; token requests ${flow.tokenRequests}`,
    ];
  });
}

const formatTotal = (calls) => Object.values(calls).reduce((sum, count) => sum + count, 0);

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

function lighthouseRows(lighthouse) {
  if (lighthouse.skipped) return skippedRow("Lighthouse", lighthouse);
  return Object.entries(lighthouse.pages).map(([name, page]) =>
    page.skipped
      ? [`Lighthouse ${name}`, `skipped: ${page.skipped}`, ""]
      : [
          `Lighthouse ${name} (desktop): performance / accessibility / best practices`,
          `${page.performance} / ${page.accessibility} / ${page["best-practices"]}`,
          `aim ≥ 90 / 100 / 100; median of ${page.runs}; LCP ${ms(page.lcpMs)}, TBT ${ms(page.tbtMs)}`,
        ],
  );
}

export function machineLine(machine) {
  return `${machine.cpuModel}, ${machine.cores} cores, ${round(machine.memoryGiB, 1)} GiB RAM, Node ${machine.node}, ${machine.platform}`;
}

/** The 1-minute load average before and after: other work on the machine skews every figure. */
export function loadLine({ loadBefore, loadAfter, cores }) {
  return `load average (1 min) ${round(loadBefore, 2)} before, ${round(loadAfter, 2)} after, on ${cores} cores`;
}

function raceRows(race) {
  if (race.skipped) return skippedRow("Two-process rotate race", race);
  return [
    [
      "Two-process rotate race: Wink rotates per round",
      String(round(race.rotatesPerRound, 2)),
      `${race.rounds} rounds of two simultaneous rotates, one per console, one PostgreSQL; ` +
        `aim 1 (max in a round: ${race.maxRotatesInARound})`,
    ],
  ];
}

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

export function resultTable(results) {
  const rows = [
    ...(results.overhead ? overheadRows(results.overhead) : []),
    ...(results.flows ? flowRows(results.flows) : []),
    ...(results.tokens ? tokenRows(results.tokens) : []),
    ...(results.load ? loadRows(results.load) : []),
    ...(results.scale ? scaleRows(results.scale) : []),
    ...(results.weight ? weightRows(results.weight) : []),
    ...(results.lighthouse ? lighthouseRows(results.lighthouse) : []),
    ...(results.race ? raceRows(results.race) : []),
    ...(results.record ? recordRows(results.record) : []),
  ];
  return markdownTable(["measure", "result", "notes"], rows);
}
