import { describe, expect, it } from "vitest";

import { parseCommandLine } from "./cli";

describe("parseCommandLine", () => {
  it("reads the environment, and flags win over it", () => {
    const parsed = parseCommandLine(["--port", "5000", "--controls", "--data=/tmp/x.json"], {
      SANDBOX_PORT: "4999",
      SANDBOX_MEMORY: "1",
      SANDBOX_TOKEN_TTL: "60",
      SANDBOX_CONSOLE_URLS: "http://localhost:3000, https://console.example",
      SANDBOX_ISSUER: "http://sandbox:4010/",
    });
    expect(parsed).toEqual({
      kind: "run",
      options: expect.objectContaining({
        port: 5000,
        controls: true,
        memory: true,
        dataFile: "/tmp/x.json",
        tokenTtlSeconds: 60,
        consoleUrls: ["http://localhost:3000", "https://console.example"],
        issuer: "http://sandbox:4010",
        log: true,
      }),
    });
  });

  it("has defaults that leave everything to startSandbox", () => {
    const parsed = parseCommandLine([], {});
    expect(parsed).toMatchObject({
      kind: "run",
      options: { memory: false, controls: false, log: true },
    });
    if (parsed.kind === "run") expect(parsed.options.port).toBeUndefined();
  });

  it.each([
    [["--port", "http"], {}, "SANDBOX_PORT must be a whole number"],
    [["--port"], {}, "--port needs a value"],
    [["--verbose"], {}, "Unknown option --verbose"],
    [[], { SANDBOX_MEMORY: "maybe" }, "SANDBOX_MEMORY must be 1 or 0"],
    [[], { SANDBOX_ISSUER: "http://x.example/iam" }, "SANDBOX_ISSUER must be an http(s) origin"],
    [[], { SANDBOX_CONSOLE_URLS: "localhost:3000" }, "SANDBOX_CONSOLE_URLS"],
  ])("explains %j %j", (argv, env, message) => {
    const parsed = parseCommandLine(argv, env);
    expect(parsed.kind).toBe("error");
    if (parsed.kind === "error") expect(parsed.message).toContain(message);
  });

  it("answers --help", () => {
    expect(parseCommandLine(["-h"], {})).toEqual({ kind: "help" });
  });
});
