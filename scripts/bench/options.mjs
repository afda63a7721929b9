// The bench's command line and the settings of a full run and of a --quick one.

import { readFileSync } from "node:fs";
import { TABLES } from "./tables/index.mjs";

export const PHASES = TABLES.map((table) => table.phase);

/** `--quick`, `--skip=a,b`, `--help` (prints `helpFile`'s leading `//` comment). */
export function parseArgs(argv, helpFile) {
  const options = { quick: false, skip: new Set() };
  for (const arg of argv) {
    if (arg === "--help" || arg === "-h") {
      const header = readFileSync(helpFile, "utf8")
        .split("\n")
        .filter((line) => line.startsWith("//"))
        .map((line) => line.replace(/^\/\/ ?/, ""));
      process.stdout.write(`${header.join("\n")}\n`);
      process.exit(0);
    } else if (arg === "--quick") {
      options.quick = true;
    } else if (arg.startsWith("--skip=")) {
      for (const phase of arg.slice("--skip=".length).split(",").filter(Boolean)) {
        if (!PHASES.includes(phase))
          throw new Error(`--skip: unknown phase "${phase}" (${PHASES})`);
        options.skip.add(phase);
      }
    } else {
      throw new Error(`unknown argument "${arg}" (try --help)`);
    }
  }
  return options;
}

export function settingsFor({ quick }) {
  return quick
    ? {
        samples: 10,
        warmup: 3,
        tokenRepetitions: 1,
        concurrency: 500,
        loadSeconds: 5,
        loadRounds: 3,
        connections: 20,
        weightRuns: 1,
        lighthouseRuns: 1,
        seed: 10_000,
        navigations: 2,
        raceRounds: 20,
        recordSamples: 50,
      }
    : {
        samples: 30,
        warmup: 5,
        tokenRepetitions: 3,
        concurrency: 500,
        loadSeconds: 20,
        loadRounds: 3,
        connections: 20,
        weightRuns: 3,
        lighthouseRuns: 3,
        seed: 10_000,
        navigations: 5,
        raceRounds: 50,
        recordSamples: 200,
      };
}
