import type { IncomingMessage, ServerResponse } from "node:http";

import { z } from "zod";

import { notFoundProblem, validationProblem } from "../api/problem";
import { validate } from "../api/validation";
import { jsonResult, readBody, writeResult, type HttpResult } from "../http/io";
import { Router } from "../http/router";
import type { SandboxStore } from "../state/store";
import type { HangingResponses } from "./fault-responses";
import { faultSchema, type FaultRegistry } from "./faults";
import type { SandboxStats } from "./stats";

export const MAX_GENERATED_PER_CALL = 100_000;

const seedSchema = z.object({
  count: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_GENERATED_PER_CALL, `must be at most ${MAX_GENERATED_PER_CALL}`),
});

export interface ControlsDependencies {
  store: SandboxStore;
  faults: FaultRegistry;
  stats: SandboxStats;
  hanging: HangingResponses;
}

/** The operations behind /__sandbox/*, also offered in-process by startSandbox(). */
export function sandboxControls({ store, faults, stats, hanging }: ControlsDependencies) {
  return {
    /** Back to the seed; faults and counters cleared, hanging requests cut. */
    async reset(): Promise<void> {
      await store.reset();
      faults.clear();
      stats.reset();
      hanging.releaseAll();
    },
    async seed(count: number): Promise<number> {
      const created = store.generate(count);
      await store.flush();
      return created;
    },
  };
}

type ControlAction = (body: unknown, url: URL) => Promise<HttpResult> | HttpResult;

export function createControlsHandler(deps: ControlsDependencies) {
  const controls = sandboxControls(deps);
  const { store, faults, stats } = deps;

  const routes = new Router<ControlAction>()
    .add("POST", "/__sandbox/reset", async () => {
      await controls.reset();
      return jsonResult(200, { reset: true, applications: store.size });
    })
    .add("POST", "/__sandbox/seed", async (body, url) => {
      const input = validate(seedSchema, body);
      if (!input.ok) return validationProblem(url.href, input.errors);
      const created = await controls.seed(input.value.count);
      return jsonResult(201, { created, applications: store.size });
    })
    .add("GET", "/__sandbox/faults", () => jsonResult(200, { faults: faults.list() }))
    .add("POST", "/__sandbox/faults", (body, url) => {
      const input = validate(faultSchema, body);
      if (!input.ok) return validationProblem(url.href, input.errors);
      faults.set(input.value);
      return jsonResult(201, { faults: faults.list() });
    })
    .add("DELETE", "/__sandbox/faults", () => {
      faults.clear();
      return jsonResult(200, { faults: [] });
    })
    .add("GET", "/__sandbox/stats", () => jsonResult(200, stats.snapshot()));

  return async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL) {
    const match = routes.match(req.method ?? "GET", url.pathname);
    if (match.kind !== "found") {
      return writeResult(
        res,
        notFoundProblem(url.href, `No control ${req.method} ${url.pathname}.`),
      );
    }
    // Controls are for tests and scripts: any content type, an empty body reads as {}.
    const raw = (await readBody(req, 64 * 1024)).toString("utf8").trim();
    let body: unknown = {};
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        return writeResult(
          res,
          validationProblem(url.href, [{ field: "body", message: "must be JSON" }]),
        );
      }
    }
    writeResult(res, await match.value(body, url));
  };
}
