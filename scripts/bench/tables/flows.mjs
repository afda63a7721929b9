// Table: Wink calls per flow (scripts/bench/flows.mjs drives the flows in Chromium).

import { FLOW_AIMS, formatCalls, measureFlows } from "../flows.mjs";
import { skippedRow } from "./rows.mjs";

const sum = (calls) => Object.values(calls).reduce((total, count) => total + count, 0);

export const flowsTable = {
  phase: "flows",
  title: "Wink calls per flow",
  // First, on a console that has not yet served anything: sign-in meets a cold entity cache.
  needsSession: false,
  run: ({ browser, sandbox, consoleUrl }) => measureFlows({ browser, sandbox, consoleUrl }),
  rows(flows) {
    if (flows.skipped) return skippedRow("Wink calls per flow", flows);
    return Object.entries(flows.flows).map(([name, flow]) => {
      const aim = flow.aim ?? FLOW_AIMS[name];
      const over = flow.total > sum(aim);
      return [
        `Wink calls per flow: ${name}`,
        formatCalls(flow.calls),
        `aim ${formatCalls(aim)}${over ? " — above the aim" : ""}; token requests ${flow.tokenRequests}`,
      ];
    });
  },
};
