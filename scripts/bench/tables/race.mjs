// Table: two console processes on one PostgreSQL rotating the same application at once.

import { skippedRow } from "./rows.mjs";
import { round } from "../stats.mjs";

export const raceTable = {
  phase: "race",
  title: "Two-process rotate race",
  needsSession: true,
  async run({ sandbox, cookie, env, racePorts, settings, workDir, tsScript }) {
    await sandbox.clearFaults();
    return tsScript("scripts/bench/race.ts", [], {
      ...env,
      BENCH_COOKIE: cookie,
      BENCH_RACE_PORTS: racePorts.join(","),
      BENCH_RACE_ROUNDS: String(settings.raceRounds),
      BENCH_LOG_DIR: workDir,
    });
  },
  rows: raceRows,
};

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
