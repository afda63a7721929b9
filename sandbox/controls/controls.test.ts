import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { RunningSandbox } from "../server";
import { CONSOLE_APPLICATION_ID } from "../state/seed";
import { contractViolations } from "../testing/contract";
import {
  accessToken,
  applicationsPath,
  callApi,
  createApplication,
  postControl,
  requestToken,
  startTestSandbox,
} from "../testing/harness";

let sandbox: RunningSandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await postControl(sandbox, "reset");
  token = await accessToken(sandbox);
});

const listPath = () => applicationsPath(sandbox, "/list");

describe("controls", () => {
  it("are off unless asked for", async () => {
    const closed = await startTestSandbox({ controls: false });
    try {
      for (const path of ["reset", "stats", "faults"]) {
        expect((await postControl(closed, path)).status).toBe(404);
      }
    } finally {
      await closed.close();
    }
  });

  it("reset returns to the seed and clears counters and faults", async () => {
    await createApplication(sandbox, token);
    await postControl(sandbox, "faults", { operation: "get", kind: "status", status: 500 });
    const reset = await postControl(sandbox, "reset");
    // Nine in the first entity, three in the second.
    expect(reset.body).toEqual({ reset: true, applications: 12 });
    expect((await postControl(sandbox, "faults", undefined, "GET")).body).toEqual({ faults: [] });
    expect((await postControl(sandbox, "stats", undefined, "GET")).body).toMatchObject({
      mutations: { creates: 0 },
    });
  });

  it("seeds 10,000 applications quickly, and lists them all", async () => {
    const started = performance.now();
    const seeded = await postControl(sandbox, "seed", { count: 10_000 });
    expect(seeded.status).toBe(201);
    expect(seeded.body).toEqual({ created: 10_000, applications: 10_012 });
    expect(performance.now() - started).toBeLessThan(3_000);

    const listed = await callApi(sandbox, listPath(), { token });
    expect(listed.status).toBe(200);
    const apps = listed.body as { clientId: string }[];
    expect(apps).toHaveLength(10_009);
    expect(new Set(apps.map((app) => app.clientId)).size).toBe(10_009);
  });

  it("refuses a bad seed or fault, naming the field", async () => {
    const seed = await postControl(sandbox, "seed", { count: 0 });
    expect(seed.status).toBe(400);
    expect(seed.body).toMatchObject({ properties: { errors: [{ field: "count" }] } });
    const fault = await postControl(sandbox, "faults", { operation: "list", kind: "latency" });
    expect(fault.status).toBe(400);
    expect(fault.body).toMatchObject({ properties: { errors: [{ field: "ms" }] } });
  });
});

describe("faults", () => {
  it("latency delays the answer, and the mutation still happens once", async () => {
    const app = await createApplication(sandbox, token);
    await postControl(sandbox, "faults", { operation: "rotate", kind: "latency", ms: 150 });
    const started = performance.now();
    const response = await callApi(sandbox, applicationsPath(sandbox, `/${app.id}/revoke`), {
      token,
    });
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(sandbox.stats().mutations.byApplication[app.id]).toMatchObject({ rotations: 1 });
    expect(sandbox.stats().requests.rotate).toBe(1);
  });

  it.each([
    ["problem", 500, "application/problem+json"],
    ["empty-object", 500, "application/json"],
    ["non-json", 503, "text/html; charset=utf-8"],
  ] as const)("status answers %s bodies", async (body, status, contentType) => {
    await postControl(sandbox, "faults", { operation: "list", kind: "status", status, body });
    const response = await callApi(sandbox, listPath(), { token });
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe(contentType);
    if (body === "empty-object") expect(response.body).toEqual({});
    if (body === "non-json") expect(response.body).toBeUndefined();
    if (body === "problem") expect(response.body).toMatchObject({ status });
  });

  it("status fails before the mutation, unless told it happened", async () => {
    const app = await createApplication(sandbox, token);
    const path = applicationsPath(sandbox, `/${app.id}/revoke`);
    await postControl(sandbox, "faults", {
      operation: "rotate",
      kind: "status",
      status: 503,
      times: 1,
    });
    expect((await callApi(sandbox, path, { token })).status).toBe(503);
    expect(sandbox.stats().mutations.rotations).toBe(0);

    await postControl(sandbox, "faults", {
      operation: "rotate",
      kind: "status",
      status: 500,
      times: 1,
      applyMutation: true,
    });
    expect((await callApi(sandbox, path, { token })).status).toBe(500);
    expect(sandbox.stats().mutations.rotations).toBe(1);
  });

  it("times limits a fault to the next N requests", async () => {
    await postControl(sandbox, "faults", {
      operation: "get",
      kind: "status",
      status: 502,
      times: 2,
    });
    const path = applicationsPath(sandbox, `/${CONSOLE_APPLICATION_ID}`);
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await callApi(sandbox, path, { token })).status);
    expect(statuses).toEqual([502, 502, 200]);
  });

  it("hang never answers; the rotation happens unless applyMutation is false", async () => {
    const app = await createApplication(sandbox, token);
    const path = applicationsPath(sandbox, `/${app.id}/revoke`);
    await postControl(sandbox, "faults", { operation: "rotate", kind: "hang", times: 1 });
    await expect(
      callApi(sandbox, path, { token, signal: AbortSignal.timeout(150) }),
    ).rejects.toThrow(/aborted|timeout/i);
    expect(sandbox.stats().mutations.rotations).toBe(1);

    await postControl(sandbox, "faults", {
      operation: "rotate",
      kind: "hang",
      times: 1,
      applyMutation: false,
    });
    await expect(
      callApi(sandbox, path, { token, signal: AbortSignal.timeout(150) }),
    ).rejects.toThrow(/aborted|timeout/i);
    expect(sandbox.stats().mutations.rotations).toBe(1);
  });

  it("malformed answers 200 with a body that breaks the contract", async () => {
    for (const [operation, path] of [
      ["list", listPath()],
      ["get", applicationsPath(sandbox, `/${CONSOLE_APPLICATION_ID}`)],
      ["entities", "/api/managing-entity/list"],
    ] as const) {
      await postControl(sandbox, "faults", { operation, kind: "malformed", times: 1 });
      const response = await callApi(sandbox, path, { token, contract: false });
      expect(response.status).toBe(200);
      const violations = contractViolations({
        method: "GET",
        path,
        status: 200,
        contentType: response.headers.get("content-type"),
        body: response.body,
      });
      expect(violations, operation).not.toBeNull();
    }
  });

  it("malformed create still creates (a 200 says it happened)", async () => {
    await postControl(sandbox, "faults", { operation: "create", kind: "malformed", times: 1 });
    const response = await callApi(sandbox, applicationsPath(sandbox), {
      method: "POST",
      token,
      body: { name: "Broken answer", clientType: "WEB" },
      contract: false,
    });
    expect(response.status).toBe(200);
    expect(response.body).not.toHaveProperty("secretKey");
    expect(sandbox.stats().mutations.creates).toBe(1);
  });

  it("token faults: down, slow, hanging and malformed; none issues a token", async () => {
    await postControl(sandbox, "faults", {
      operation: "token",
      kind: "status",
      status: 503,
      body: "non-json",
      times: 1,
    });
    const down = await fetch(sandbox.tokenUrl, { method: "POST" });
    expect(down.status).toBe(503);

    await postControl(sandbox, "faults", { operation: "token", kind: "hang", times: 1 });
    await expect(
      fetch(sandbox.tokenUrl, { method: "POST", signal: AbortSignal.timeout(150) }),
    ).rejects.toThrow(/aborted|timeout/i);

    await postControl(sandbox, "faults", { operation: "token", kind: "malformed", times: 1 });
    const malformed = await fetch(sandbox.tokenUrl, { method: "POST" });
    expect(malformed.status).toBe(200);
    expect(await malformed.json()).toMatchObject({ access_token: 42 });

    expect(sandbox.stats().tokens.issued).toBe(1); // the one of beforeEach

    await postControl(sandbox, "faults", {
      operation: "token",
      kind: "latency",
      ms: 100,
      times: 1,
    });
    const started = performance.now();
    const slow = await requestToken(sandbox, sandbox.consoleCredential);
    expect(slow.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });

  it("lists and clears faults", async () => {
    await postControl(sandbox, "faults", { operation: "list", kind: "latency", ms: 10 });
    await postControl(sandbox, "faults", {
      operation: "delete",
      kind: "status",
      status: 500,
      times: 3,
    });
    const listed = await postControl(sandbox, "faults", undefined, "GET");
    expect(listed.body).toEqual({
      faults: [
        { operation: "list", kind: "latency", ms: 10, remaining: null },
        {
          operation: "delete",
          kind: "status",
          status: 500,
          body: "problem",
          times: 3,
          applyMutation: false,
          remaining: 3,
        },
      ],
    });
    expect((await postControl(sandbox, "faults", undefined, "DELETE")).body).toEqual({
      faults: [],
    });
  });
});
