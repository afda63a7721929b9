import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readSessionCookie } from "./session-cookie";

const secret = "a-session-secret-for-these-tests-0123456789";
const NAME = "authjs.session-token";
const SECURE_NAME = "__Secure-authjs.session-token";
const claims = { email: "ann@example.com", name: "Ann", sid: "0c7b2f1e-sid" };

/** A cookie as Auth.js writes it at sign-in (the same encoder, the cookie's name as its salt). */
const cookie = async (
  token: Record<string, unknown> = claims,
  options: { name?: string; maxAge?: number; key?: string } = {},
) => {
  const name = options.name ?? NAME;
  const value = await encode({
    token,
    secret: options.key ?? secret,
    salt: name,
    maxAge: options.maxAge ?? 3600,
  });
  return `other=1; ${name}=${value}`;
};

describe("readSessionCookie", () => {
  it("reads the email, name and sign-in id of a valid cookie", async () => {
    await expect(readSessionCookie(await cookie(), { secret, secure: false })).resolves.toEqual({
      email: "ann@example.com",
      name: "Ann",
      sessionId: "0c7b2f1e-sid",
    });
  });

  it("reads the __Secure- cookie on an https console, and only there", async () => {
    const secure = await cookie(claims, { name: SECURE_NAME });
    await expect(readSessionCookie(secure, { secret, secure: true })).resolves.toMatchObject({
      email: "ann@example.com",
    });
    await expect(readSessionCookie(secure, { secret, secure: false })).resolves.toBeNull();
    await expect(readSessionCookie(await cookie(), { secret, secure: true })).resolves.toBeNull();
  });

  it("refuses a cookie made with another secret, tampered with, or expired", async () => {
    const foreign = await cookie(claims, { key: "another-secret-of-enough-length-0123456789" });
    await expect(readSessionCookie(foreign, { secret, secure: false })).resolves.toBeNull();

    const valid = await cookie();
    const tampered = valid.slice(0, -3) + (valid.endsWith("A") ? "BBB" : "AAA");
    await expect(readSessionCookie(tampered, { secret, secure: false })).resolves.toBeNull();

    const expired = await cookie(claims, { maxAge: -60 });
    await expect(readSessionCookie(expired, { secret, secure: false })).resolves.toBeNull();
  });

  it("is no session without a cookie, and a session without an id has none", async () => {
    await expect(readSessionCookie(null, { secret, secure: false })).resolves.toBeNull();
    await expect(readSessionCookie("other=1", { secret, secure: false })).resolves.toBeNull();
    const noId = await cookie({ email: "ann@example.com", name: null });
    await expect(readSessionCookie(noId, { secret, secure: false })).resolves.toEqual({
      email: "ann@example.com",
      name: null,
      sessionId: null,
    });
  });
});
