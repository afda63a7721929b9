/**
 * `npm run report:secrets` end to end in one process: a real sandbox playing Wink on a free port,
 * lib/wink's client, the record on a fresh PGlite database, and a local HTTP server playing the
 * webhook. Ages are set by writing the record's `secret_issued_at` directly, as a console would
 * have after a create or rotate that many days ago.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sandboxWink, openTestDatabase } from "@/lib/applications/changes/testing";
import type { Database } from "@/lib/db/connection";
import { applicationRecords, notificationPosts } from "@/lib/db/schema";
import { setLogSink } from "@/lib/log";
import type { Application, WinkClient } from "@/lib/wink";
import { startSandbox, type RunningSandbox } from "@/sandbox/server";
import type { SecretDigest } from "./digest";
import { runSecretReport, type ReportDependencies } from "./run";
import type { SlackMessage } from "./slack";

const DAY_MS = 24 * 60 * 60 * 1000;
const WEBHOOK_TOKEN = "XoXbWebhookTokenNotToBeShown1234";

let sandbox: RunningSandbox;
let database: Awaited<ReturnType<typeof openTestDatabase>>;
let db: Database;
let wink: WinkClient;
let receiver: Server;
let webhookUrl: string;
/** What the receiver does with the next request. */
let answer: (request: IncomingMessage, response: ServerResponse) => void;
const received: { contentType: string | undefined; body: string }[] = [];
const everything: string[] = [];
const logLines: string[] = [];

let overdue: Application;
let dueSoon: Application;
let fresh: Application;
let unknownOld: Application;

function deps(overrides: Partial<ReportDependencies> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const dependencies: ReportDependencies = {
    wink,
    db,
    policy: { maxAgeDays: 90 },
    managingEntityId: null,
    webhookUrl,
    consoleOrigin: "https://console.example.test",
    now: () => new Date(),
    webhookTimeoutMs: 2_000,
    out: (text) => void (out.push(text), everything.push(text)),
    err: (text) => void (err.push(text), everything.push(text)),
    ...overrides,
  };
  return { dependencies, out, err, text: () => out.join(""), errors: () => err.join("") };
}

async function setIssuedDaysAgo(application: Application, days: number | null, seenDaysAgo = 0) {
  const now = Date.now();
  await db
    .update(applicationRecords)
    .set({
      secretIssuedAt: days === null ? null : new Date(now - days * DAY_MS - 60_000),
      firstSeenAt: new Date(now - seenDaysAgo * DAY_MS - 60_000),
    })
    .where(eq(applicationRecords.applicationId, application.id));
}

beforeAll(async () => {
  setLogSink((_level, line) => void logLines.push(line));
  sandbox = await startSandbox({ port: 0, memory: true, controls: true });
  database = await openTestDatabase();
  db = database.db;
  wink = sandboxWink(sandbox);
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        contentType: request.headers["content-type"],
        body: Buffer.concat(chunks).toString("utf8"),
      });
      answer(request, response);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const { port } = receiver.address() as AddressInfo;
  webhookUrl = `http://127.0.0.1:${port}/services/T0001/B0002/${WEBHOOK_TOKEN}`;

  // A first run writes the record of every application Wink lists (first seen: now).
  const first = deps({ webhookUrl: null });
  expect(await runSecretReport([], first.dependencies), first.errors()).toBe(0);
  const applications = (await wink.listApplications(sandbox.managingEntityId)).filter(
    (application) => application.clientId !== wink.clientId,
  );
  expect(applications.length).toBeGreaterThanOrEqual(4);
  [overdue, dueSoon, fresh, unknownOld] = applications as [
    Application,
    Application,
    Application,
    Application,
  ];
  await setIssuedDaysAgo(overdue, 93);
  await setIssuedDaysAgo(dueSoon, 80);
  await setIssuedDaysAgo(fresh, 10);
  await setIssuedDaysAgo(unknownOld, null, 120);
}, 120_000);

afterAll(async () => {
  setLogSink();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
  await sandbox?.close();
  await database?.close();
});

beforeEach(async () => {
  received.length = 0;
  answer = (_request, response) => response.writeHead(200).end("ok");
  await db.delete(notificationPosts);
});

describe("the secret-age report", () => {
  it("lists the overdue and due secrets, most urgent first, and leaves the fresh ones out", async () => {
    const run = deps({ webhookUrl: null });
    expect(await runSecretReport([], run.dependencies)).toBe(0);
    const text = run.text();
    expect(text).toContain("Policy: rotate every 90 days.");
    expect(text).toContain(`${overdue.name} (client ${overdue.clientId}): overdue by 3 days`);
    expect(text).toContain(`${dueSoon.name} (client ${dueSoon.clientId}): due in 10 days`);
    expect(text).toContain(
      `${unknownOld.name} (client ${unknownOld.clientId}): overdue by at least 30 days`,
    );
    expect(text).not.toContain(`client ${fresh.clientId}`);
    expect(text).toContain("Secrets to rotate: 2 overdue, 1 due within 14 days.");
    // The most overdue first.
    expect(text.indexOf(unknownOld.clientId)).toBeLessThan(text.indexOf(overdue.clientId));
    expect(text.indexOf(overdue.clientId)).toBeLessThan(text.indexOf(dueSoon.clientId));
    expect(received).toHaveLength(0);
  });

  it("prints JSON with --json that parses back to the same digest", async () => {
    const run = deps({ webhookUrl: null });
    expect(await runSecretReport(["--json"], run.dependencies)).toBe(0);
    const digest = JSON.parse(run.text()) as SecretDigest;
    expect(digest.summary).toEqual({ overdue: 2, dueSoon: 1 });
    const entity = digest.entities.find((e) => e.id === sandbox.managingEntityId)!;
    expect(entity.applications.map((app) => [app.id, app.words])).toEqual([
      [unknownOld.id, "overdue by at least 30 days"],
      [overdue.id, "overdue by 3 days"],
      [dueSoon.id, "due in 10 days"],
    ]);
    expect(digest.day).toBe(new Date().toISOString().slice(0, 10));
  });

  it("says so, and posts nothing, when the policy is off", async () => {
    const run = deps({ policy: { maxAgeDays: 0 } });
    expect(await runSecretReport([], run.dependencies)).toBe(0);
    expect(run.text()).toContain("The secret-age policy is off");
    expect(run.text()).not.toContain(overdue.clientId);
    expect(received).toHaveLength(0);
  });

  it("posts a Slack-compatible message with the same digest", async () => {
    const run = deps();
    expect(await runSecretReport([], run.dependencies), run.errors()).toBe(0);
    expect(received).toHaveLength(1);
    expect(received[0]!.contentType).toBe("application/json");
    const message = JSON.parse(received[0]!.body) as SlackMessage;
    expect(message.text).toContain("Secrets to rotate: 2 overdue, 1 due within 14 days.");
    expect(message.blocks[0]).toMatchObject({ type: "header" });
    const sections = message.blocks.filter((block) => block.type === "section");
    const entity = sections.find((block) => block.text.text.includes(overdue.clientId))!;
    expect(entity.text.text).toContain("overdue by 3 days");
    expect(entity.text.text).toContain(
      `<https://console.example.test/entities/${sandbox.managingEntityId}/applications/${overdue.id}|`,
    );
    expect(message.blocks.at(-1)).toMatchObject({ type: "context" });
    expect(run.errors()).toContain("Posted the digest to the webhook (HTTP 200)");
  });

  it("posts once a day: a retry and a concurrent run post nothing more, the next day posts", async () => {
    const first = deps();
    expect(await runSecretReport([], first.dependencies)).toBe(0);
    const retry = deps();
    expect(await runSecretReport([], retry.dependencies)).toBe(0);
    expect(retry.errors()).toContain("already posted to the webhook today");
    expect(received).toHaveLength(1);

    const [a, b] = [deps(), deps()];
    await db.delete(notificationPosts);
    received.length = 0;
    const codes = await Promise.all([
      runSecretReport([], a.dependencies),
      runSecretReport([], b.dependencies),
    ]);
    expect(codes).toEqual([0, 0]);
    expect(received).toHaveLength(1);

    const tomorrow = deps({ now: () => new Date(Date.now() + DAY_MS) });
    expect(await runSecretReport([], tomorrow.dependencies)).toBe(0);
    expect(received).toHaveLength(2);
    expect((JSON.parse(received[1]!.body) as SlackMessage).text).toContain("overdue");
  });

  it("exits 1 when the webhook fails, records nothing, and a retry posts", async () => {
    answer = (_request, response) => response.writeHead(500).end(`no such hook ${webhookUrl}`);
    const failed = deps();
    expect(await runSecretReport([], failed.dependencies)).toBe(1);
    expect(failed.errors()).toContain("The digest was not posted: the webhook answered HTTP 500");
    expect(await db.select().from(notificationPosts)).toEqual([]);

    answer = (_request, response) => response.writeHead(204).end();
    const retry = deps();
    expect(await runSecretReport([], retry.dependencies)).toBe(0);
    expect(received).toHaveLength(2);
  });

  it("exits 1 when the webhook does not answer in time", async () => {
    answer = () => {
      // Never answers: the report's deadline must end the wait.
    };
    const run = deps({ webhookTimeoutMs: 300 });
    expect(await runSecretReport([], run.dependencies)).toBe(1);
    expect(run.errors()).toContain("the webhook did not answer within 0.3 s");
    expect(await db.select().from(notificationPosts)).toEqual([]);
  });

  it("exits 1 when nothing listens at the webhook's address", async () => {
    const run = deps({ webhookUrl: `http://127.0.0.1:1/services/${WEBHOOK_TOKEN}` });
    expect(await runSecretReport([], run.dependencies)).toBe(1);
    expect(run.errors()).toContain("the webhook could not be reached");
  });

  it("exits 2 when Wink cannot be read", async () => {
    const wrong = sandboxWink(sandbox);
    const broken = {
      ...wrong,
      listManagingEntities: () => Promise.reject(new Error("Wink is unavailable.")),
    } as WinkClient;
    const run = deps({ wink: broken });
    expect(await runSecretReport([], run.dependencies)).toBe(2);
    expect(run.errors()).toContain("Wink's managing entities could not be read");
    expect(run.text()).toBe("");
    expect(received).toHaveLength(0);
  });

  it("exits 2 when the console's database cannot be read", async () => {
    const other = await openTestDatabase();
    await other.close();
    const run = deps({ db: other.db });
    expect(await runSecretReport([], run.dependencies)).toBe(2);
    expect(run.errors()).toContain("The console's database could not be read");
    expect(received).toHaveLength(0);
  });

  it("refuses an unknown argument", async () => {
    const run = deps();
    expect(await runSecretReport(["--jsn"], run.dependencies)).toBe(2);
    expect(run.errors()).toContain("Unknown argument: --jsn");
  });

  it("never prints or logs a secret or the webhook's URL", () => {
    const all = [...everything, ...logLines].join("\n");
    expect(everything.length).toBeGreaterThan(10);
    for (const needle of [
      WEBHOOK_TOKEN,
      "/services/T0001",
      sandbox.consoleCredential.clientSecret,
    ]) {
      expect(all).not.toContain(needle);
    }
    for (const body of received) expect(body.body).not.toContain(WEBHOOK_TOKEN);
  });
});
