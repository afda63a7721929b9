import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { logRequests } from "./request-log";

let server: Server;
let base: string;
const lines: string[] = [];

beforeEach(async () => {
  lines.length = 0;
  vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
  server = createServer((req, res) => {
    logRequests(req, res);
    req.resume();
    req.on("end", () => {
      res.statusCode = req.url?.startsWith("/missing") ? 404 : 200;
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  vi.restoreAllMocks();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("request log", () => {
  it("logs method, path, status and time, and never a header, body or query", async () => {
    await fetch(`${base}/oauth2/token?code=secret-code&state=s`, {
      method: "POST",
      headers: { authorization: "Basic c2VjcmV0LWlkOnNlY3JldC1wYXNz", "x-api-key": "secret-key" },
      body: "client_secret=secret-body",
    });
    await fetch(`${base}/missing`, { headers: { authorization: "Bearer secret-token" } });
    await vi.waitFor(() => expect(lines).toHaveLength(2));

    expect(lines[0]).toMatch(/^POST \/oauth2\/token 200 \d+ms$/);
    expect(lines[1]).toMatch(/^GET \/missing 404 \d+ms$/);
    expect(lines.join("\n")).not.toMatch(/secret|Bearer|Basic|\?/i);
  });
});
