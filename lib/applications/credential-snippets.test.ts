import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { loadEnvConfig, resetEnv } from "@next/env";
import dotenv from "dotenv";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envBlock, tokenRequest } from "./credential-snippets";

const run = promisify(execFile);

/** Printable ASCII (every character a person could paste), with now and then any grapheme. */
const printable = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
      minLength: 1,
      maxLength: 40,
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 20 })
      .filter((value) => !/[\p{Cc}\p{Cs}]/u.test(value)),
  },
);

/** The client's credentials as a token endpoint reads them, per RFC 6749 section 2.3.1. */
interface Received {
  clientId: string | null;
  secret: string | null;
  grantType: string | null;
  scope: string | null;
  contentType: string | undefined;
}

/**
 * A token endpoint that only records what it read: the form body (application/x-www-form-urlencoded,
 * RFC 6749 section 2.3.1), or HTTP Basic whose parts are form-encoded before base64.
 */
function decodeAsWink(
  body: string,
  authorization: string | undefined,
): Omit<Received, "contentType"> {
  const form = new URLSearchParams(body);
  let clientId = form.get("client_id");
  let secret = form.get("client_secret");
  if (authorization?.startsWith("Basic ")) {
    const pair = Buffer.from(authorization.slice(6), "base64").toString("utf8");
    const colon = pair.indexOf(":");
    const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, " "));
    clientId = decode(pair.slice(0, colon));
    secret = decode(pair.slice(colon + 1));
  }
  return { clientId, secret, grantType: form.get("grant_type"), scope: form.get("scope") };
}

let server: Server;
let tokenUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        ...decodeAsWink(Buffer.concat(chunks).toString("utf8"), request.headers.authorization),
        contentType: request.headers["content-type"],
      });
      response.writeHead(200, { "content-type": "application/json" });
      response.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth2/token`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Runs the snippet as a person pasting it into bash would, and returns what the endpoint read. */
async function sendAsPasted(line: string): Promise<Received> {
  received.length = 0;
  await run("bash", ["-c", `${line} --silent --show-error --output /dev/null`]);
  expect(received).toHaveLength(1);
  return received[0]!;
}

function readWithNext(block: string) {
  const dir = mkdtempSync(path.join(tmpdir(), "wink-env-"));
  try {
    writeFileSync(path.join(dir, ".env"), block);
    const { parsedEnv } = loadEnvConfig(dir, false, { info() {}, error() {} }, true);
    return { id: parsedEnv?.WINK_CLIENT_ID, secret: parsedEnv?.WINK_CLIENT_SECRET };
  } finally {
    resetEnv();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("tokenRequest", () => {
  it("sends a secret with +, / and = as itself, not as a space", async () => {
    const got = await sendAsPasted(
      tokenRequest({ tokenUrl, clientId: "client-1", secret: "Abc+def/ghi=" }),
    );
    expect(got).toMatchObject({
      clientId: "client-1",
      secret: "Abc+def/ghi=",
      grantType: "client_credentials",
      scope: null,
      contentType: "application/x-www-form-urlencoded",
    });
  });

  it("sends the scopes space-separated", async () => {
    const got = await sendAsPasted(
      tokenRequest({ tokenUrl, clientId: "c", secret: "s", scopes: ["booking.read", "a&b"] }),
    );
    expect(got.scope).toBe("booking.read a&b");
  });

  it("round-trips any printable client id and secret through bash and curl", async () => {
    await fc.assert(
      fc.asyncProperty(printable, printable, async (clientId, secret) => {
        const got = await sendAsPasted(tokenRequest({ tokenUrl, clientId, secret }));
        expect(got.clientId).toBe(clientId);
        expect(got.secret).toBe(secret);
        expect(got.grantType).toBe("client_credentials");
      }),
      { numRuns: 60 },
    );
  });
});

describe("envBlock", () => {
  it("keeps a $ from being expanded by leaving the block out", () => {
    expect(envBlock("client-1", "a$HOME")).toBeNull();
  });

  it("quotes a secret with # and spaces so both loaders read it whole", () => {
    const block = envBlock("client-1", " a#b c ")!;
    expect(dotenv.parse(block).WINK_CLIENT_SECRET).toBe(" a#b c ");
    expect(readWithNext(block).secret).toBe(" a#b c ");
  });

  it("is read back exactly by dotenv and @next/env, whenever it is offered", () => {
    fc.assert(
      fc.property(printable, printable, (clientId, secret) => {
        const block = envBlock(clientId, secret);
        if (block === null) {
          // Left out only when no spelling means the same to both loaders.
          const unwritable = (value: string) =>
            value.includes("$") || ["'", '"', "`"].every((quote) => value.includes(quote));
          expect(unwritable(clientId) || unwritable(secret)).toBe(true);
          return;
        }
        const plain = dotenv.parse(block);
        expect(plain.WINK_CLIENT_ID).toBe(clientId);
        expect(plain.WINK_CLIENT_SECRET).toBe(secret);
        const next = readWithNext(block);
        expect(next.id).toBe(clientId);
        expect(next.secret).toBe(secret);
      }),
      { numRuns: 300 },
    );
  });

  it("is offered for every secret free of $ and of one of the quote characters", () => {
    fc.assert(
      fc.property(
        printable.filter((value) => !value.includes("$") && !value.includes("'")),
        (secret) => {
          expect(envBlock("client-1", secret)).not.toBeNull();
        },
      ),
    );
  });
});
