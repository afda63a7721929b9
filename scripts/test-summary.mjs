#!/usr/bin/env node
// Prints "N passed, N failed" summed from the test runners' JSON reports under reports/.
// A failing step that writes no report (lint, type-check, build) still counts as one failure,
// so a red run can never print "0 failed".
import { existsSync, readFileSync } from "node:fs";

const exitStatus = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;

if (existsSync("reports/vitest.json")) {
  const report = JSON.parse(readFileSync("reports/vitest.json", "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
}
if (existsSync("reports/playwright.json")) {
  const { stats } = JSON.parse(readFileSync("reports/playwright.json", "utf8"));
  passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  failed += stats?.unexpected ?? 0;
}
if (exitStatus !== 0 && failed === 0) failed = 1;

console.log(`${passed} passed, ${failed} failed`);
