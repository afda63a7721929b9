import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { EnvError, getEnv, loadEnv, resetEnvForTests, type Env } from ".";
import { setLogSink } from "@/lib/log";

const EXTERNAL = {
  WINK_API_URL: "https://api.wink.travel",
  WINK_TOKEN_URL: "https://iam.wink.travel/oauth2/token",
  WINK_CLIENT_ID: "console-client",
  WINK_CLIENT_SECRET: "wink-secret-value-123",
  AUTH_SECRET: "auth-secret-value-that-is-long-enough-0123456789",
  AUTH_OIDC_ISSUER: "https://login.example.com/",
  AUTH_OIDC_CLIENT_ID: "console-oidc",
  AUTH_OIDC_CLIENT_SECRET: "oidc-secret-value-456",
  CONSOLE_ADMINS: "Ann@Example.com, @ops.example.com",
  NODE_ENV: "production",
};

function envError(source: Record<string, string | undefined>): EnvError {
  try {
    loadEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return error as EnvError;
  }
  throw new Error("expected the settings to be refused");
}

describe("embedded mode (no WINK_API_URL)", () => {
  it("defaults to the sandbox for Wink and sign-in", () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      mode: "embedded",
      production: false,
      sandboxUrl: "http://localhost:4010",
      wink: {
        apiUrl: "http://localhost:4010",
        tokenUrl: "http://localhost:4010/oauth2/token",
        clientId: "wink-console-sandbox",
        clientSecret: "sandbox-console-secret-not-for-production",
        scopes: ["account.read", "account.write", "account.remove"],
        managingEntityId: null,
        version: "2.0",
        timeoutMs: 10_000,
      },
      auth: {
        secretIsDerived: true,
        oidc: {
          issuer: "http://localhost:4010",
          clientId: "wink-console",
          clientSecret: "sandbox-oidc-secret-not-for-production",
          isSandbox: true,
        },
      },
      access: { admins: ["admin@sandbox.test"], viewers: ["viewer@sandbox.test"] },
    } satisfies Partial<Record<keyof Env, unknown>>);
    expect(env.auth.secret.length).toBeGreaterThanOrEqual(32);
    expect(env.warnings.join()).toContain("AUTH_SECRET is not set");
  });

  it("derives the same development AUTH_SECRET every time, even in production", () => {
    const source = { NODE_ENV: "production", SANDBOX_URL: "http://sandbox:4010/" };
    const env = loadEnv(source);
    expect(env.auth.secret).toBe(loadEnv(source).auth.secret);
    expect(env.wink.tokenUrl).toBe("http://sandbox:4010/oauth2/token");
  });

  it("takes overrides, and treats empty values as unset", () => {
    const env = loadEnv({
      WINK_API_URL: "",
      WINK_CLIENT_ID: "other",
      WINK_CLIENT_SECRET: "other-secret",
      WINK_SCOPES: "account.read  account.write,account.read",
      WINK_MANAGING_ENTITY_ID: " me-1 ",
      WINK_TIMEOUT_MS: "2500",
      CONSOLE_VIEWERS: "@Example.com",
      AUTH_SECRET: "x".repeat(32),
    });
    expect(env.mode).toBe("embedded");
    expect(env.wink).toMatchObject({
      clientId: "other",
      managingEntityId: "me-1",
      timeoutMs: 2500,
    });
    expect(env.wink.scopes).toEqual(["account.read", "account.write"]);
    expect(env.warnings.join()).toContain("WINK_SCOPES lacks account.remove");
    expect(env.access.viewers).toEqual(["@example.com"]);
    expect(env.auth.secretIsDerived).toBe(false);
  });

  it("refuses a token URL without an API URL, and half a credential", () => {
    const error = envError({
      WINK_TOKEN_URL: "https://iam.wink.travel/oauth2/token",
      WINK_CLIENT_ID: "x",
    });
    expect(error.issues.map((issue) => issue.variable)).toEqual([
      "WINK_TOKEN_URL",
      "WINK_CLIENT_SECRET",
    ]);
  });
});

describe("external mode (WINK_API_URL set)", () => {
  it("reads a complete configuration", () => {
    const env = loadEnv(EXTERNAL);
    expect(env.mode).toBe("external");
    expect(env.sandboxUrl).toBeNull();
    expect(env.wink.apiUrl).toBe("https://api.wink.travel");
    expect(env.auth.oidc).toMatchObject({ issuer: "https://login.example.com/", isSandbox: false });
    expect(env.access).toEqual({ admins: ["ann@example.com", "@ops.example.com"], viewers: [] });
    expect(env.warnings).toEqual([]);
  });

  it("requires the token URL, the credential and the session key", () => {
    const error = envError({
      ...EXTERNAL,
      WINK_TOKEN_URL: undefined,
      WINK_CLIENT_ID: undefined,
      WINK_CLIENT_SECRET: "",
      AUTH_SECRET: undefined,
    });
    expect(error.issues.map((issue) => issue.variable)).toEqual([
      "WINK_TOKEN_URL",
      "WINK_CLIENT_ID",
      "WINK_CLIENT_SECRET",
      "AUTH_SECRET",
    ]);
    expect(error.message).toContain("WINK_TOKEN_URL is missing");
    expect(error.message).toContain("https://iam.wink.travel/oauth2/token");
    expect(error.message).toContain("openssl rand -base64 32");
  });

  it("requires https except for loopback hosts", () => {
    const error = envError({ ...EXTERNAL, WINK_API_URL: "http://api.wink.travel" });
    expect(error.message).toMatch(/WINK_API_URL must use https:\/\//);
    const local = {
      ...EXTERNAL,
      WINK_API_URL: "http://localhost:4010",
      WINK_TOKEN_URL: "http://127.0.0.1:4010/oauth2/token",
    };
    expect(loadEnv(local).wink.apiUrl).toBe("http://localhost:4010");
  });

  it("wants all of AUTH_OIDC_* or none, and admins with an own identity provider", () => {
    const partial = envError({ ...EXTERNAL, AUTH_OIDC_CLIENT_SECRET: undefined });
    expect(partial.issues.map((issue) => issue.variable)).toEqual(["AUTH_OIDC_CLIENT_SECRET"]);
    const noAdmins = envError({ ...EXTERNAL, CONSOLE_ADMINS: undefined });
    expect(noAdmins.message).toContain("nobody could administer");
  });

  it("refuses the sandbox's sign-in for a real Wink in production, warns elsewhere", () => {
    const withoutIdp = {
      ...EXTERNAL,
      AUTH_OIDC_ISSUER: undefined,
      AUTH_OIDC_CLIENT_ID: undefined,
      AUTH_OIDC_CLIENT_SECRET: undefined,
    };
    expect(envError(withoutIdp).issues[0]?.variable).toBe("AUTH_OIDC_ISSUER");
    const development = loadEnv({ ...withoutIdp, NODE_ENV: "development" });
    expect(development.auth.oidc.isSandbox).toBe(true);
    expect(development.access.admins).toEqual(["ann@example.com", "@ops.example.com"]);
    expect(development.warnings.join()).toContain("sandbox's identity provider");
  });
});

describe("malformed values", () => {
  it("names each bad variable in one message, with how to fix it", () => {
    const error = envError({
      ...EXTERNAL,
      WINK_TOKEN_URL: "iam.wink.travel/oauth2/token",
      WINK_SCOPES: "account.read acount.write",
      WINK_VERSION: "2.0.0",
      WINK_TIMEOUT_MS: "ten seconds",
      AUTH_OIDC_ISSUER: "ftp://login.example.com",
      CONSOLE_ADMINS: "ann@example.com, bob",
      CONSOLE_VIEWERS: " , ",
    });
    expect(error.issues.map((issue) => issue.variable).sort()).toEqual([
      "AUTH_OIDC_ISSUER",
      "CONSOLE_ADMINS",
      "CONSOLE_VIEWERS",
      "WINK_SCOPES",
      "WINK_TIMEOUT_MS",
      "WINK_TOKEN_URL",
      "WINK_VERSION",
    ]);
    expect(error.message).toContain("WINK_TOKEN_URL is not an absolute URL");
    expect(error.message).toContain("acount.write");
    expect(error.message).toContain("WINK_VERSION must be 2.0");
    expect(error.message).toContain("CONSOLE_VIEWERS lists nobody");
  });

  it("validates access lists and the timeout range", () => {
    const error = envError({ CONSOLE_ADMINS: "ann@example.com, bob", WINK_TIMEOUT_MS: "50" });
    expect(error.message).toContain(
      "CONSOLE_ADMINS has entries that are neither an email nor an @domain: bob",
    );
    expect(error.message).toContain("WINK_TIMEOUT_MS is out of range");
  });

  it("reads the secret-age policy: 90 days unless set, 0 turns it off, bad values named", () => {
    expect(loadEnv({}).secretPolicy.maxAgeDays).toBe(90);
    expect(loadEnv({ CONSOLE_SECRET_MAX_AGE_DAYS: "0" }).secretPolicy.maxAgeDays).toBe(0);
    expect(loadEnv({ CONSOLE_SECRET_MAX_AGE_DAYS: "30" }).secretPolicy.maxAgeDays).toBe(30);
    expect(envError({ CONSOLE_SECRET_MAX_AGE_DAYS: "ninety" }).message).toContain(
      "CONSOLE_SECRET_MAX_AGE_DAYS is not a whole number of days",
    );
    expect(envError({ CONSOLE_SECRET_MAX_AGE_DAYS: "-1" }).message).toContain(
      "CONSOLE_SECRET_MAX_AGE_DAYS is not a whole number of days",
    );
    expect(envError({ CONSOLE_SECRET_MAX_AGE_DAYS: "4000" }).message).toContain(
      "CONSOLE_SECRET_MAX_AGE_DAYS is out of range",
    );
  });

  it("reads the entity cache's time to live in seconds: 30 unset, 0 for none, at most an hour", () => {
    expect(loadEnv({}).wink.entityCacheMs).toBe(30_000);
    expect(loadEnv({ WINK_ENTITY_CACHE_SECONDS: "0" }).wink.entityCacheMs).toBe(0);
    expect(loadEnv({ WINK_ENTITY_CACHE_SECONDS: "5" }).wink.entityCacheMs).toBe(5_000);
    expect(envError({ WINK_ENTITY_CACHE_SECONDS: "3601" }).message).toContain(
      "WINK_ENTITY_CACHE_SECONDS is out of range",
    );
    expect(envError({ WINK_ENTITY_CACHE_SECONDS: "1.5" }).message).toContain(
      "WINK_ENTITY_CACHE_SECONDS is not a whole number of seconds",
    );
  });

  it("never repeats a secret's value, even a malformed one", () => {
    const error = envError({
      ...EXTERNAL,
      WINK_API_URL: "https://user:pa55word@api.wink.travel",
      AUTH_SECRET: "short-secret-value",
      AUTH_OIDC_CLIENT_ID: undefined,
    });
    expect(error.issues.map((issue) => issue.variable).sort()).toEqual([
      "AUTH_OIDC_CLIENT_ID",
      "AUTH_SECRET",
      "WINK_API_URL",
    ]);
    for (const secret of [
      "pa55word",
      "short-secret-value",
      EXTERNAL.WINK_CLIENT_SECRET,
      EXTERNAL.AUTH_OIDC_CLIENT_SECRET,
    ]) {
      expect(error.message).not.toContain(secret);
      expect(JSON.stringify(error.issues)).not.toContain(secret);
    }
  });
});

describe("secrets from files (*_FILE)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "console-env-files-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const secretFile = (name: string, content: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };
  const withoutSecrets = {
    ...EXTERNAL,
    WINK_CLIENT_SECRET: undefined,
    AUTH_SECRET: undefined,
    AUTH_OIDC_CLIENT_SECRET: undefined,
  };

  it("reads each secret from the file its *_FILE names, without the trailing line break", () => {
    const env = loadEnv({
      ...withoutSecrets,
      WINK_CLIENT_SECRET_FILE: secretFile("wink", "wink-secret-from-file\n"),
      AUTH_SECRET_FILE: secretFile("auth", "auth-secret-from-file-0123456789abcdef\r\n"),
      AUTH_OIDC_CLIENT_SECRET_FILE: ` ${secretFile("oidc", "oidc-secret-from-file")} `,
    });
    expect(env.wink.clientSecret).toBe("wink-secret-from-file");
    expect(env.auth.secret).toBe("auth-secret-from-file-0123456789abcdef");
    expect(env.auth.oidc.clientSecret).toBe("oidc-secret-from-file");
  });

  it("refuses a secret set both ways, naming both variables", () => {
    const error = envError({
      ...EXTERNAL,
      WINK_CLIENT_SECRET_FILE: secretFile("wink-both", "other-wink-secret"),
      AUTH_SECRET_FILE: secretFile("auth-both", "other-auth-secret-0123456789abcdefgh"),
    });
    expect(error.issues.map((issue) => issue.variable).sort()).toEqual([
      "AUTH_SECRET_FILE",
      "WINK_CLIENT_SECRET_FILE",
    ]);
    expect(error.message).toContain("WINK_CLIENT_SECRET_FILE and WINK_CLIENT_SECRET are both set");
    expect(error.message).toContain("AUTH_SECRET_FILE and AUTH_SECRET are both set");
    for (const secret of ["other-wink-secret", EXTERNAL.WINK_CLIENT_SECRET, EXTERNAL.AUTH_SECRET])
      expect(error.message).not.toContain(secret);
  });

  it("names the variable and the path of a file it cannot read, and nothing else is missing", () => {
    const missing = path.join(dir, "no-such-file");
    const error = envError({
      ...withoutSecrets,
      WINK_CLIENT_SECRET: EXTERNAL.WINK_CLIENT_SECRET,
      AUTH_SECRET_FILE: missing,
      // A directory cannot be read as a file, even by root (who reads a mode 000 file).
      AUTH_OIDC_CLIENT_SECRET_FILE: dir,
    });
    expect(error.issues.map((issue) => issue.variable).sort()).toEqual([
      "AUTH_OIDC_CLIENT_SECRET_FILE",
      "AUTH_SECRET_FILE",
    ]);
    expect(error.message).toContain(
      `AUTH_SECRET_FILE names a file that cannot be read (${missing}`,
    );
    expect(error.message).toContain(
      `AUTH_OIDC_CLIENT_SECRET_FILE names a file that cannot be read (${dir}`,
    );
  });

  it("never repeats a malformed secret read from a file", () => {
    const error = envError({
      ...withoutSecrets,
      WINK_CLIENT_SECRET: EXTERNAL.WINK_CLIENT_SECRET,
      AUTH_OIDC_CLIENT_SECRET: EXTERNAL.AUTH_OIDC_CLIENT_SECRET,
      AUTH_SECRET_FILE: secretFile("short", "short-file-secret"),
    });
    expect(error.issues.map((issue) => issue.variable)).toEqual(["AUTH_SECRET"]);
    expect(error.message).toContain("AUTH_SECRET is too short");
    expect(error.message).not.toContain("short-file-secret");
  });
});

describe("getEnv", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvForTests();
    setLogSink();
  });

  it("reads process.env once, and logs its warnings once", () => {
    const lines: string[] = [];
    setLogSink((_level, line) => lines.push(line));
    vi.stubEnv("WINK_TIMEOUT_MS", "1234");
    vi.stubEnv("AUTH_SECRET", "");
    const first = getEnv();
    vi.stubEnv("WINK_TIMEOUT_MS", "4321");
    expect(getEnv()).toBe(first);
    expect(first.wink.timeoutMs).toBe(1234);
    expect(lines.map((line) => JSON.parse(line).event)).toContain("env.warning");
    const count = lines.length;
    getEnv();
    expect(lines).toHaveLength(count);
  });
});
