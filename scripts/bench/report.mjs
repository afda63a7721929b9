// The bench's printed table: one row per figure, the same rows README's "Performance" section
// shows, each table's rows from its module (scripts/bench/tables/).

import { markdownTable, round } from "./stats.mjs";
import { REPORT_ORDER } from "./tables/index.mjs";

export function machineLine(machine) {
  return `${machine.cpuModel}, ${machine.cores} cores, ${round(machine.memoryGiB, 1)} GiB RAM, Node ${machine.node}, ${machine.platform}`;
}

/** The 1-minute load average before and after: other work on the machine skews every figure. */
export function loadLine({ loadBefore, loadAfter, cores }) {
  return `load average (1 min) ${round(loadBefore, 2)} before, ${round(loadAfter, 2)} after, on ${cores} cores`;
}

export function resultTable(results) {
  const rows = REPORT_ORDER.flatMap((table) =>
    results[table.phase] ? table.rows(results[table.phase]) : [],
  );
  return markdownTable(["measure", "result", "notes"], rows);
}
