import { describe, expect, it } from "vitest";
import { EnvError, loadEnv } from "@/lib/env";
import {
  isSameOriginRequest,
  mustComeFromConsole,
  originAuthJsDerives,
  publicOrigin,
  type OriginSettings,
} from "./origin";

const DIRECT: OriginSettings = { url: null, trustForwardedHeaders: false };
const BEHIND_PROXY: OriginSettings = { url: null, trustForwardedHeaders: true };
const CONFIGURED: OriginSettings = {
  url: "https://console.example.com",
  trustForwardedHeaders: false,
};

const forged = (extra: Record<string, string> = {}) =>
  new Headers({
    host: "localhost:3001",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
    ...extra,
  });

describe("publicOrigin", () => {
  it("ignores X-Forwarded-Host and -Proto from a client when no proxy is declared", () => {
    expect(publicOrigin(forged(), DIRECT)).toBe("http://localhost:3001");
  });

  it("uses AUTH_URL over every header", () => {
    expect(publicOrigin(forged(), CONFIGURED)).toBe("https://console.example.com");
    expect(publicOrigin(forged(), { ...CONFIGURED, trustForwardedHeaders: true })).toBe(
      "https://console.example.com",
    );
  });

  it("trusts the forwarded headers when AUTH_TRUST_HOST says a proxy sets them", () => {
    const headers = new Headers({
      host: "10.0.0.5:3000",
      "x-forwarded-host": "console.example.com",
      "x-forwarded-proto": "https",
    });
    expect(publicOrigin(headers, BEHIND_PROXY)).toBe("https://console.example.com");
    // A proxy that appends: the nearest proxy's value (the last) counts, not the client's.
    headers.set("x-forwarded-host", "evil.example, console.example.com");
    headers.set("x-forwarded-proto", "http, https");
    expect(publicOrigin(headers, BEHIND_PROXY)).toBe("https://console.example.com");
    // Without forwarded headers, the Host.
    expect(publicOrigin(new Headers({ host: "localhost:3000" }), BEHIND_PROXY)).toBe(
      "http://localhost:3000",
    );
  });

  it("refuses a forwarded value that is not a host, and falls back to the Host", () => {
    for (const value of [
      "evil.example/path",
      "user@evil.example",
      "evil.example:99999999",
      "evil example",
      "",
    ]) {
      const headers = new Headers({ host: "localhost:3000", "x-forwarded-host": value });
      expect(publicOrigin(headers, BEHIND_PROXY), value).toBe("http://localhost:3000");
    }
    const badProto = new Headers({ host: "localhost:3000", "x-forwarded-proto": "javascript" });
    expect(publicOrigin(badProto, BEHIND_PROXY)).toBe("http://localhost:3000");
  });

  it("keeps IPv6 literals and ports, and survives a missing or malformed Host", () => {
    expect(publicOrigin(new Headers({ host: "[::1]:3000" }), DIRECT)).toBe("http://[::1]:3000");
    expect(publicOrigin(new Headers(), DIRECT)).toBe("http://localhost");
    expect(publicOrigin(new Headers({ host: "a/b" }), DIRECT)).toBe("http://localhost");
  });
});

describe("originAuthJsDerives", () => {
  it("reads the forwarded headers as sent, which is why proxy.ts settles them first", () => {
    expect(originAuthJsDerives(forged(), undefined)).toBe("https://evil.example");
    const settled = forged({ "x-forwarded-host": "localhost:3001", "x-forwarded-proto": "http" });
    expect(originAuthJsDerives(settled, undefined)).toBe(publicOrigin(settled, DIRECT));
    expect(originAuthJsDerives(forged(), "https://console.example.com/")).toBe(
      "https://console.example.com",
    );
  });
});

describe("isSameOriginRequest", () => {
  const origin = "http://localhost:3001";

  it("accepts the console's own Origin, or Sec-Fetch-Site: same-origin without one", () => {
    expect(isSameOriginRequest(new Headers({ origin }), origin)).toBe(true);
    expect(isSameOriginRequest(new Headers({ "sec-fetch-site": "same-origin" }), origin)).toBe(
      true,
    );
  });

  it("refuses no Origin, a foreign or opaque one, and other sites' fetch metadata", () => {
    expect(isSameOriginRequest(new Headers(), origin)).toBe(false);
    expect(isSameOriginRequest(new Headers({ origin: "https://evil.example" }), origin)).toBe(
      false,
    );
    expect(isSameOriginRequest(new Headers({ origin: "null" }), origin)).toBe(false);
    expect(isSameOriginRequest(new Headers({ origin: "https://localhost:3001" }), origin)).toBe(
      false,
    );
    for (const site of ["same-site", "cross-site", "none"]) {
      expect(isSameOriginRequest(new Headers({ "sec-fetch-site": site }), origin)).toBe(false);
    }
    // A present Origin decides: fetch metadata cannot vouch for a foreign one.
    const mixed = new Headers({ origin: "https://evil.example", "sec-fetch-site": "same-origin" });
    expect(isSameOriginRequest(mixed, origin)).toBe(false);
  });
});

describe("mustComeFromConsole", () => {
  it("covers every method but the safe ones", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post", "PROPFIND"]) {
      expect(mustComeFromConsole(method), method).toBe(true);
    }
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(mustComeFromConsole(method), method).toBe(false);
    }
  });
});

describe("AUTH_URL and AUTH_TRUST_HOST settings", () => {
  it("default to no configured origin and no trusted proxy", () => {
    expect(loadEnv({}).auth).toMatchObject({ url: null, trustForwardedHeaders: false });
  });

  it("read an origin and a boolean", () => {
    const env = loadEnv({ AUTH_URL: "https://Console.Example.com/", AUTH_TRUST_HOST: "TRUE" });
    expect(env.auth).toMatchObject({
      url: "https://console.example.com",
      trustForwardedHeaders: true,
    });
    expect(loadEnv({ AUTH_TRUST_HOST: "false" }).auth.trustForwardedHeaders).toBe(false);
  });

  it("refuse a URL with a path, a non-boolean, and plain http for a real Wink", () => {
    const variables = (source: Record<string, string>) => {
      try {
        loadEnv(source);
      } catch (error) {
        expect(error).toBeInstanceOf(EnvError);
        return (error as EnvError).issues.map((issue) => issue.variable);
      }
      return [];
    };
    expect(variables({ AUTH_URL: "https://console.example.com/console" })).toEqual(["AUTH_URL"]);
    expect(variables({ AUTH_URL: "https://console.example.com/?next=/" })).toEqual(["AUTH_URL"]);
    expect(variables({ AUTH_URL: "console.example.com" })).toEqual(["AUTH_URL"]);
    expect(variables({ AUTH_TRUST_HOST: "yes" })).toEqual(["AUTH_TRUST_HOST"]);
    expect(
      variables({
        WINK_API_URL: "https://api.wink.travel",
        WINK_TOKEN_URL: "https://iam.wink.travel/oauth2/token",
        WINK_CLIENT_ID: "id",
        WINK_CLIENT_SECRET: "secret",
        AUTH_URL: "http://console.example.com",
      }),
    ).toEqual(["AUTH_URL"]);
  });
});
