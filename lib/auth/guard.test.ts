import { beforeEach, describe, expect, it, vi } from "vitest";

const mocks = vi.hoisted(() => ({
  headers: new Headers(),
  getViewer: vi.fn(),
}));

vi.mock("next/headers", () => ({ headers: async () => mocks.headers }));
vi.mock("./session", () => ({ getViewer: mocks.getViewer }));
vi.mock("@/lib/env", () => ({
  getEnv: () => ({ auth: { url: null, trustForwardedHeaders: false } }),
}));

const { authorize, NOT_FROM_CONSOLE } = await import("./guard");
const { RECORD_UNAVAILABLE } = await import("@/lib/guards");

const admin = { email: "ann@example.com", name: null, role: "admin" as const };

describe("authorize", () => {
  beforeEach(() => {
    mocks.getViewer.mockReset().mockResolvedValue(admin);
    mocks.headers = new Headers({ host: "localhost:3001" });
  });

  it("refuses a change without an Origin, before reading the session", async () => {
    await expect(authorize("change")).resolves.toEqual({
      ok: false,
      status: 403,
      error: NOT_FROM_CONSOLE,
    });
    expect(mocks.getViewer).not.toHaveBeenCalled();
  });

  it("refuses a change from another origin, even with a forged X-Forwarded-Host to match", async () => {
    mocks.headers.set("origin", "https://evil.example");
    mocks.headers.set("x-forwarded-host", "evil.example");
    mocks.headers.set("x-forwarded-proto", "https");
    await expect(authorize("change")).resolves.toMatchObject({ ok: false, status: 403 });
  });

  it("lets a change from the console's own pages through to the role check", async () => {
    mocks.headers.set("origin", "http://localhost:3001");
    await expect(authorize("change")).resolves.toMatchObject({ ok: true, viewer: admin });
    mocks.headers.delete("origin");
    mocks.headers.set("sec-fetch-site", "same-origin");
    await expect(authorize("change")).resolves.toMatchObject({ ok: true });
    mocks.getViewer.mockResolvedValue({ ...admin, role: "viewer" });
    await expect(authorize("change")).resolves.toMatchObject({ ok: false, status: 403 });
  });

  it("does not ask reads for an Origin (a GET carries none)", async () => {
    await expect(authorize("read")).resolves.toMatchObject({ ok: true });
    mocks.getViewer.mockResolvedValue(null);
    await expect(authorize("read")).resolves.toMatchObject({ ok: false, status: 401 });
  });

  it("refuses a change, but not a read, when the session's sign-out could not be checked", async () => {
    mocks.getViewer.mockResolvedValue({ ...admin, sessionUnchecked: true });
    await expect(authorize("read")).resolves.toMatchObject({ ok: true });
    mocks.headers.set("origin", "http://localhost:3001");
    await expect(authorize("change")).resolves.toMatchObject({
      ok: false,
      status: 503,
      error: RECORD_UNAVAILABLE,
    });
  });
});
