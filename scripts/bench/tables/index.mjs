// Every table of the bench, each a module of this folder exporting
// `{ phase, title, needsSession, run(context), rows(result) }`:
//   - `phase`: its name for --skip and its key in bench/latest.json's `results`;
//   - `run(context)`: measures and returns what bench/latest.json keeps (see scripts/bench.mjs for
//     the context: browser, sandbox, console URL, the signed-in session and cookie, settings, ...);
//   - `rows(result)`: its rows of the printed table, [measure, result, notes] each.
// A new measurement is a module here and one line in each list below.

import { flowsTable } from "./flows.mjs";
import { lighthouseTable } from "./lighthouse.mjs";
import { overheadTable } from "./overhead.mjs";
import { raceTable } from "./race.mjs";
import { recordTable } from "./record.mjs";
import { scaleTable } from "./scale.mjs";
import { throughputTable } from "./throughput.mjs";
import { tokensTable } from "./tokens.mjs";
import { weightTable } from "./weight.mjs";

/** In the order they run: flows first, on a console that has served nothing yet. */
export const TABLES = [
  flowsTable,
  overheadTable,
  tokensTable,
  throughputTable,
  weightTable,
  lighthouseTable,
  scaleTable,
  raceTable,
  recordTable,
];

/** In the order the printed table (and README's) shows them. */
export const REPORT_ORDER = [
  overheadTable,
  flowsTable,
  tokensTable,
  throughputTable,
  scaleTable,
  weightTable,
  lighthouseTable,
  raceTable,
  recordTable,
];
