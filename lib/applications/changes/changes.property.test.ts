/**
 * A thousand generated payloads against the create and update changes, down the same pipeline the
 * server actions use, with the session given as the pipeline's dependency (an admin). Everything
 * else is real: the form schema, the pipeline, lib/wink's client and token cache, and a real
 * sandbox on a free port playing Wink. So "never reaches Wink" is counted by Wink's stand-in.
 *
 * Properties:
 * - an input the schema refuses comes back as { ok: false, status: 400, fieldErrors } naming at
 *   least one of the fields the generator broke, and no create or update request reaches the
 *   sandbox;
 * - the schema refuses exactly the inputs the generator broke (an oracle written apart from it);
 * - a valid input is created or saved once (ok: true), or refused by Wink with field errors;
 *   never a thrown exception, never a 5xx-like status;
 * - members a caller smuggles in (a chosen clientId or secret) never reach Wink;
 * - no log line (audit included) ever carries a secret that a create returned.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplicationSchema, updateApplicationSchema } from "@/lib/applications/form-schema";
import { audit } from "@/lib/audit";
import { setLogSink } from "@/lib/log";
import { logWinkEvent } from "@/lib/wink";
import { startSandbox, type RunningSandbox } from "@/sandbox/server";
import {
  blamesADefect,
  createCases,
  updateCases,
  type PayloadCase,
} from "@/test/application-payloads";
import { createApplication as create } from "./create";
import type { ChangeDependencies } from "./dependencies";
import { openTestDatabase, sandboxWink, testWorld } from "./testing";
import { updateApplication as update } from "./update";

let deps: ChangeDependencies;
const createApplication = (entityId: string, submissionId: string, input: unknown) =>
  create({ entityId, submissionId, input }, deps);
const updateApplication = (
  entityId: string,
  applicationId: string,
  submissionId: string,
  input: unknown,
) => update({ entityId, applicationId, submissionId, input }, deps);

let sandbox: RunningSandbox;
let entityId: string;
const logLines: string[] = [];
const secretsReturned: string[] = [];

let submissions = 0;
const newSubmissionId = () => `property-${process.pid}-${String(++submissions).padStart(8, "0")}`;

const created = () => sandbox.stats().mutations.creates;
const updated = () => sandbox.stats().mutations.updates;
const requests = (operation: "create" | "update") => sandbox.stats().requests[operation] ?? 0;

/** For the failure report: what was sent and why it should have been refused. */
const describeCase = ({ input, defects }: PayloadCase) =>
  `${JSON.stringify(input)?.slice(0, 400)}\ndefects: ${defects.map((d) => d.what).join("; ") || "none"}`;

let database: Awaited<ReturnType<typeof openTestDatabase>> | undefined;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, memory: true, controls: true });
  database = await openTestDatabase();
  entityId = sandbox.managingEntityId;
  // Wink's events and the audit go to the log as in the console, so the last check reads them all.
  const wink = sandboxWink(sandbox, 10_000, logWinkEvent);
  const world = testWorld(sandbox, { db: database.db, email: "admin@sandbox.test", wink });
  deps = { ...world.deps, audit: async (event) => audit(event) };
  setLogSink((_level, line) => logLines.push(line));
  // A fresh PGlite directory runs initdb in WASM: seconds, more on a busy machine.
}, 120_000);

afterAll(async () => {
  setLogSink();
  await sandbox?.close();
  await database?.close();
});

describe("createApplication with generated payloads", () => {
  it("refuses every invalid payload with named fields before Wink, and creates every valid one once", async () => {
    await fc.assert(
      fc.asyncProperty(createCases, async (testCase) => {
        const { input, defects, smuggled } = testCase;
        const context = describeCase(testCase);
        const expectedValid = defects.length === 0;
        expect(createApplicationSchema.safeParse(input).success, context).toBe(expectedValid);

        const [createsBefore, requestsBefore] = [created(), requests("create")];
        const result = await createApplication(entityId, newSubmissionId(), input);

        if (!expectedValid) {
          expect(result, context).toMatchObject({ ok: false, status: 400 });
          if (result.ok) return;
          expect(blamesADefect(result.fieldErrors ?? {}, defects), context).toBe(true);
          expect(requests("create"), `${context}\nreached Wink`).toBe(requestsBefore);
          expect(created(), context).toBe(createsBefore);
          return;
        }

        if (result.ok) {
          expect(created(), context).toBe(createsBefore + 1);
          expect(requests("create"), context).toBe(requestsBefore + 1);
          expect(result.data.secretKey.length, context).toBeGreaterThan(20);
          if (smuggled?.clientId) expect(result.data.clientId).not.toBe(smuggled.clientId);
          if (smuggled?.secretKey) expect(result.data.secretKey).not.toBe(smuggled.secretKey);
          secretsReturned.push(result.data.secretKey);
        } else {
          // Wink may refuse what the console accepts; then it says which field, and nothing is made.
          expect(result, context).toMatchObject({ status: 400 });
          expect(Object.keys(result.fieldErrors ?? {}).length, context).toBeGreaterThan(0);
          expect(created(), context).toBe(createsBefore);
        }
      }),
      { numRuns: 600 },
    );
    // The generator is mostly invalid, but the valid share must really have been exercised.
    expect(secretsReturned.length).toBeGreaterThan(60);
  }, 60_000);
});

describe("updateApplication with generated payloads", () => {
  let applicationId: string;

  beforeAll(async () => {
    const target = await createApplication(entityId, newSubmissionId(), {
      name: "Property test target",
      clientType: "WEB",
      redirectUris: ["https://target.example.com/callback"],
      postLogoutRedirectUris: [],
      scopes: ["booking.read"],
      iconIdentifier: null,
    });
    if (!target.ok) throw new Error(`could not create the target: ${target.error}`);
    applicationId = target.data.id;
  });

  it("refuses every invalid payload with named fields before Wink, and saves every valid one once", async () => {
    let saved = 0;
    await fc.assert(
      fc.asyncProperty(updateCases, async (testCase) => {
        const { input, defects } = testCase;
        const context = describeCase(testCase);
        const expectedValid = defects.length === 0;
        expect(updateApplicationSchema.safeParse(input).success, context).toBe(expectedValid);

        const [updatesBefore, requestsBefore] = [updated(), requests("update")];
        const result = await updateApplication(entityId, applicationId, newSubmissionId(), input);

        if (!expectedValid) {
          expect(result, context).toMatchObject({ ok: false, status: 400 });
          if (result.ok) return;
          expect(blamesADefect(result.fieldErrors ?? {}, defects), context).toBe(true);
          expect(requests("update"), `${context}\nreached Wink`).toBe(requestsBefore);
          expect(updated(), context).toBe(updatesBefore);
          return;
        }

        if (result.ok) {
          expect(result.data.id).toBe(applicationId);
          expect(updated(), context).toBe(updatesBefore + 1);
          expect(requests("update"), context).toBe(requestsBefore + 1);
          saved += 1;
        } else {
          expect(result, context).toMatchObject({ status: 400 });
          expect(Object.keys(result.fieldErrors ?? {}).length, context).toBeGreaterThan(0);
          expect(updated(), context).toBe(updatesBefore);
        }
      }),
      { numRuns: 400 },
    );
    expect(saved).toBeGreaterThan(40);
  }, 60_000);
});

describe("what the runs left behind", () => {
  it("no log line carries a secret that a create returned", () => {
    expect(secretsReturned.length).toBeGreaterThan(0);
    const everything = logLines.join("\n");
    for (const secret of secretsReturned) expect(everything.includes(secret)).toBe(false);
  });
});
