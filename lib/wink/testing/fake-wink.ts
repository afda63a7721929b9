import "server-only";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createWinkClient, type WinkClientOptions } from "../client";

/**
 * A real HTTP server for the tests of lib/wink: a token endpoint and an API whose answers each test
 * scripts. Not the sandbox (which is built in parallel and must not be a dependency of these tests)
 * and not a mocked fetch: requests go through undici, sockets, time-outs and all.
 */

export type RecordedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
};

/** Answers one request; `n` counts the requests of its kind, from 1. Return nothing to hang. */
export type Handler = (request: RecordedRequest, response: ServerResponse, n: number) => unknown;

export const TOKEN_PATH = "/oauth2/token";

export type FakeWink = {
  url: string;
  tokenUrl: string;
  tokenRequests: RecordedRequest[];
  apiRequests: RecordedRequest[];
  /** Replaces the token endpoint's behaviour. */
  onToken(handler: Handler): void;
  /** Replaces the API's behaviour. */
  onApi(handler: Handler): void;
  close(): Promise<void>;
};

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  response.writeHead(status, { "Content-Type": "application/json", ...headers });
  response.end(text);
}

/** A token endpoint that issues `token-1`, `token-2`, … valid for `expiresIn` seconds (null: unsaid). */
export const issueTokens =
  (expiresIn: number | null = 3600, delayMs = 0): Handler =>
  async (_request, response, n) => {
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    sendJson(response, 200, {
      access_token: `token-${n}`,
      token_type: "Bearer",
      ...(expiresIn === null ? {} : { expires_in: expiresIn }),
      scope: "account.read account.write account.remove",
    });
  };

export async function startFakeWink(): Promise<FakeWink> {
  const tokenRequests: RecordedRequest[] = [];
  const apiRequests: RecordedRequest[] = [];
  let tokenHandler: Handler = issueTokens();
  let apiHandler: Handler = (_request, response) => sendJson(response, 200, []);

  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const url = new URL(incoming.url ?? "/", "http://fake.test");
      const request: RecordedRequest = {
        method: incoming.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      const isToken = request.path === TOKEN_PATH;
      const list = isToken ? tokenRequests : apiRequests;
      list.push(request);
      void (isToken ? tokenHandler : apiHandler)(request, response, list.length);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    tokenUrl: `${url}${TOKEN_PATH}`,
    tokenRequests,
    apiRequests,
    onToken: (handler) => void (tokenHandler = handler),
    onApi: (handler) => void (apiHandler = handler),
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging requests keep their sockets open on purpose; end them so close() returns.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// A client wired to a fake, with short delays so that tests of the retry rules run fast.

/** Characters that Basic authentication must URL-encode, so the tests prove it does. */
export const TEST_CLIENT_ID = "console:client id";
export const TEST_CLIENT_SECRET = "s3cret/with+odd&chars=and:colon";
export const TEST_SCOPES = ["account.read", "account.write", "account.remove"];

export function clientFor(fake: FakeWink, overrides: Partial<WinkClientOptions> = {}) {
  return createWinkClient({
    apiUrl: fake.url,
    tokenUrl: fake.tokenUrl,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    scopes: TEST_SCOPES,
    timeoutMs: 2_000,
    retry: { delaysMs: [10, 30], random: () => 0.5 },
    ...overrides,
  });
}
