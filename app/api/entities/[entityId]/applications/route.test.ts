import { beforeEach, describe, expect, it, vi } from "vitest";
import { forgetApplicationList } from "@/lib/applications/list";
import { WinkError, type Application } from "@/lib/wink";
import { GET } from "./route";

const ENTITY = "ent-1";

const state = vi.hoisted(() => ({
  listApplications: vi.fn<(entityId: string) => Promise<unknown[]>>(),
  refusal: null as Response | null,
}));

vi.mock("@/lib/auth/guard", () => ({
  authorizeRequest: vi.fn(async () =>
    state.refusal ? { refusal: state.refusal } : { viewer: { email: "a@x.test", role: "admin" } },
  ),
}));
vi.mock("@/lib/entities", () => ({
  loadEntities: vi.fn(async () => [{ id: "ent-1", name: "Travel Co." }]),
}));
vi.mock("@/lib/wink", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/wink")>()),
  getWinkClient: () => ({ listApplications: state.listApplications }),
}));

function application(name: string, index: number): Application {
  return {
    id: `app-${index}`,
    name,
    clientId: `client-${index}`,
    redirectUris: [],
    postLogoutRedirectUris: [],
    scopes: [],
    iconIdentifier: null,
  };
}

/** 60 applications, more than two pages at the default size of 25: the twin sorts last. */
const MANY = [
  ...Array.from({ length: 59 }, (_, index) => application(`Alpha ${index}`, index)),
  application("Zeta Partner Portal", 59),
];

async function checkName(name: string, entityId = ENTITY) {
  const search = new URLSearchParams({ sameName: name });
  const response = await GET(
    new Request(`http://console.test/api/entities/${entityId}/applications?${search}`),
    { params: Promise.resolve({ entityId }) },
  );
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe("GET /api/entities/[entityId]/applications?sameName=", () => {
  beforeEach(() => {
    forgetApplicationList(ENTITY);
    forgetApplicationList("ent-unknown");
    state.refusal = null;
    state.listApplications.mockReset();
    state.listApplications.mockResolvedValue(MANY);
  });

  it("finds an application anywhere in the entity's list, read as people read names", async () => {
    const answer = await checkName("  zeta partner\u200b   PORTAL ");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.body).toEqual({ sameName: "Zeta Partner Portal" });
  });

  it("answers null for a name nobody has, and for a blank one", async () => {
    expect((await checkName("Zeta Partner Portal 2")).body).toEqual({ sameName: null });
    expect((await checkName("   ")).body).toEqual({ sameName: null });
  });

  it("answers from the copy while it is fresh: one Wink read for several checks", async () => {
    await checkName("Alpha 3");
    await checkName("Alpha 4");
    await checkName("Something else");
    expect(state.listApplications).toHaveBeenCalledTimes(1);
  });

  it("reads Wink again once a change of this process dropped the copy", async () => {
    expect((await checkName("Brand New")).body).toEqual({ sameName: null });
    state.listApplications.mockResolvedValue([...MANY, application("Brand New", 60)]);
    forgetApplicationList(ENTITY);
    expect((await checkName("brand new")).body).toEqual({ sameName: "Brand New" });
    expect(state.listApplications).toHaveBeenCalledTimes(2);
  });

  it("answers the guard's refusal without reading Wink", async () => {
    state.refusal = Response.json({ error: "Sign in first." }, { status: 401 });
    const answer = await checkName("Alpha 1");
    expect(answer.status).toBe(401);
    expect(state.listApplications).not.toHaveBeenCalled();
  });

  it("answers 404, with no name in it, for an entity the credential cannot see", async () => {
    const answer = await checkName("Zeta Partner Portal", "ent-unknown");
    expect(answer.status).toBe(404);
    expect(JSON.stringify(answer.body)).not.toContain("Zeta");
  });

  it("answers 502 with Wink's safe words when Wink cannot list", async () => {
    state.listApplications.mockRejectedValue(
      new WinkError({
        kind: "http",
        status: 503,
        safeMessage: "Wink is unavailable. Try again in a moment.",
        operation: "listApplications",
        requestId: "req-9",
        retryable: true,
        outcome: "not-performed",
      }),
    );
    const answer = await checkName("Alpha 1");
    expect(answer.status).toBe(502);
    expect(answer.body).toEqual({
      error: "Wink is unavailable. Try again in a moment.",
      requestId: "req-9",
    });
  });

  it("refuses a name longer than any name could be, without reading Wink", async () => {
    const answer = await checkName("x".repeat(1_001));
    expect(answer.status).toBe(400);
    expect(state.listApplications).not.toHaveBeenCalled();
  });
});
