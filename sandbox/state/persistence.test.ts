import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import {
  accessToken,
  applicationsPath,
  callApi,
  createApplication,
  requestToken,
  startTestSandbox,
} from "../testing/harness";
import { StateFileWriter } from "./persistence";
import { seedState } from "./seed";
import { CONSOLE_APPLICATION_ID } from "./seed";

let directory: string;
let dataFile: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "wink-sandbox-"));
  dataFile = join(directory, "nested", "sandbox.json");
});
afterEach(() => rm(directory, { recursive: true, force: true }));

describe("persistence", () => {
  it("survives a restart: created, updated and rotated applications, credentials included", async () => {
    const first = await startTestSandbox({ memory: false, dataFile });
    const token = await accessToken(first);
    const app = await createApplication(first, token, { name: "Kept", scopes: ["booking.read"] });
    await callApi(first, applicationsPath(first, `/${app.id}`), {
      method: "PATCH",
      token,
      body: { name: "Kept and renamed" },
    });
    const rotated = (await callApi(first, applicationsPath(first, `/${app.id}/revoke`), { token }))
      .body as { clientId: string; secretKey: string };
    await first.close();

    const second = await startTestSandbox({ memory: false, dataFile });
    try {
      const token2 = await accessToken(second);
      const fetched = await callApi(second, applicationsPath(second, `/${app.id}`), {
        token: token2,
      });
      expect(fetched.body).toMatchObject({ name: "Kept and renamed", clientId: rotated.clientId });
      const issued = await requestToken(second, {
        clientId: rotated.clientId,
        clientSecret: rotated.secretKey,
      });
      expect(issued.status).toBe(200);
      const old = await requestToken(second, {
        clientId: app.clientId,
        clientSecret: app.secretKey,
      });
      expect(old.body).toMatchObject({ error: "invalid_client" });
    } finally {
      await second.close();
    }
  });

  it("stores hashes only: no secret the API handed out is in the file", async () => {
    const sandbox = await startTestSandbox({ memory: false, dataFile });
    const token = await accessToken(sandbox);
    const created = await createApplication(sandbox, token);
    const rotated = (
      await callApi(sandbox, applicationsPath(sandbox, `/${created.id}/revoke`), { token })
    ).body as { secretKey: string };
    await sandbox.close();

    const contents = await readFile(dataFile, "utf8");
    expect(contents).not.toContain(created.secretKey);
    expect(contents).not.toContain(rotated.secretKey);
    expect(contents).not.toContain(sandbox.consoleCredential.clientSecret);
    expect(contents).toContain('"secretHash"');
    expect(await readdir(join(directory, "nested"))).toEqual(["sandbox.json"]);
  });

  it("keeps a rotated console credential rotated across a restart", async () => {
    const first = await startTestSandbox({ memory: false, dataFile });
    const token = await accessToken(first);
    await callApi(first, applicationsPath(first, `/${CONSOLE_APPLICATION_ID}/revoke`), { token });
    await first.close();

    const second = await startTestSandbox({ memory: false, dataFile });
    expect(second.consoleCredentialWorks()).toBe(false);
    await second.close();
  });

  it("applies a changed console credential from the configuration on start", async () => {
    await (await startTestSandbox({ memory: false, dataFile })).close();
    const second = await startTestSandbox({
      memory: false,
      dataFile,
      consoleClientId: "console-2",
      consoleClientSecret: "another-secret",
    });
    try {
      expect(second.consoleCredentialWorks()).toBe(true);
      expect((await requestToken(second, second.consoleCredential)).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it("refuses to start on a file that is not sandbox state, naming it", async () => {
    await rm(join(directory, "nested"), { recursive: true, force: true });
    const file = join(directory, "broken.json");
    await writeFile(file, '{"hello": "world"}');
    await expect(startTestSandbox({ memory: false, dataFile: file })).rejects.toThrow(file);
    await writeFile(file, "{not json");
    await expect(startTestSandbox({ memory: false, dataFile: file })).rejects.toThrow(
      /not valid JSON/,
    );
  });
});

describe("StateFileWriter", () => {
  it("coalesces a burst of flushes into few writes, and the last state wins", async () => {
    const state = seedState({ clientId: "c", clientSecret: "s" });
    let snapshots = 0;
    const writer = new StateFileWriter(dataFile, () => {
      snapshots += 1;
      return state;
    });
    const flushes = Array.from({ length: 20 }, (_, i) => {
      state.applications[0]!.name = `name ${i}`;
      return writer.flush();
    });
    await Promise.all(flushes);
    expect(snapshots).toBeLessThanOrEqual(2);
    expect(JSON.parse(await readFile(dataFile, "utf8")).applications[0].name).toBe("name 19");
  });
});
