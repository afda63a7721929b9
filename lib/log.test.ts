import { afterEach, describe, expect, it } from "vitest";
import { isSecretKey, log, redact, REDACTED, redactText, setLogSink } from "./log";

afterEach(() => setLogSink());

describe("redact", () => {
  it("removes secret-named members at any depth, whatever their case", () => {
    const input = {
      authorization: "Bearer abc",
      Authorization: "Basic xyz",
      request: {
        headers: { "Proxy-Authorization": "x", accept: "application/json" },
        body: { client_secret: "s", clientSecret: "s", secretKey: "s", password: "p" },
      },
      list: [{ access_token: "t", token: "t", expires_in: 60 }],
      env: { AUTH_SECRET: "a", WINK_CLIENT_SECRET: "w", WINK_CLIENT_ID: "console" },
      secret: "top",
    };
    expect(redact(input)).toEqual({
      authorization: REDACTED,
      Authorization: REDACTED,
      request: {
        headers: { "Proxy-Authorization": REDACTED, accept: "application/json" },
        body: {
          client_secret: REDACTED,
          clientSecret: REDACTED,
          secretKey: REDACTED,
          password: REDACTED,
        },
      },
      list: [{ access_token: REDACTED, token: REDACTED, expires_in: 60 }],
      env: { AUTH_SECRET: REDACTED, WINK_CLIENT_SECRET: REDACTED, WINK_CLIENT_ID: "console" },
      secret: REDACTED,
    });
  });

  it("does not treat harmless names as secrets", () => {
    for (const key of ["tokenUrl", "clientId", "scope", "expiresIn", "status"]) {
      expect(isSecretKey(key)).toBe(false);
    }
  });

  it("masks bearer and basic credentials and secret parameters in text", () => {
    expect(redactText("sent Authorization: Bearer eyJ.abc-def_ghi= to Wink")).toBe(
      `sent Authorization: Bearer ${REDACTED} to Wink`,
    );
    expect(redactText("basic dXNlcjpwYXNz")).toBe(`basic ${REDACTED}`);
    expect(redactText("grant_type=client_credentials&client_secret=s3cr3t&scope=a")).toBe(
      `grant_type=client_credentials&client_secret=${REDACTED}&scope=a`,
    );
    expect(redact({ message: "token Bearer abc" })).toEqual({
      message: `token Bearer ${REDACTED}`,
    });
  });

  it("shows errors by name and message (or their own toJSON), and survives cycles", () => {
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;
    expect(redact({ error: new Error("failed with Bearer abc"), cyclic })).toEqual({
      error: { name: "Error", message: `failed with Bearer ${REDACTED}` },
      cyclic: { name: "loop", self: "[Circular]" },
    });
  });

  it("reads Headers objects as plain members", () => {
    const headers = new Headers({ Authorization: "Bearer x", "Wink-Version": "2.0" });
    expect(redact(headers)).toEqual({ authorization: REDACTED, "wink-version": "2.0" });
  });
});

describe("log", () => {
  it("writes one redacted JSON line per event", () => {
    const lines: [string, string][] = [];
    setLogSink((level, line) => lines.push([level, line]));
    log.warn("wink.retry", { attempt: 1, headers: { authorization: "Bearer abc" } });
    expect(lines).toHaveLength(1);
    const [level, line] = lines[0]!;
    expect(level).toBe("warn");
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toMatchObject({
      level: "warn",
      event: "wink.retry",
      attempt: 1,
      headers: { authorization: REDACTED },
    });
  });
});

describe("log lines", () => {
  it("carry an ISO time and the level's name, and no process details", () => {
    const lines: string[] = [];
    setLogSink((_level, line) => lines.push(line));
    log.info("audit", { action: "application.update" });
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: "info", event: "audit", action: "application.update" });
    expect(new Date(entry.time).toISOString()).toBe(entry.time);
    expect(entry).not.toHaveProperty("pid");
    expect(entry).not.toHaveProperty("hostname");
  });

  it("reach a secret nowhere: in a header, in an error's message, in the event", () => {
    const lines: [string, string][] = [];
    setLogSink((level, line) => lines.push([level, line]));
    log.error("failed with Bearer s3cr3t-in-event", {
      request: { headers: { Authorization: "Bearer s3cr3t-in-header" } },
      error: new Error("token request sent client_secret=s3cr3t-in-message"),
      cookie: "session=s3cr3t-cookie",
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]![0]).toBe("error");
    expect(lines[0]![1]).not.toMatch(/s3cr3t/);
  });
});
