import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchSameName } from "./fetch-same-name";

function answer(status: number, body: unknown) {
  return vi.fn(async () => Response.json(body, { status }));
}

describe("fetchSameName", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("asks the list route for the name, encoded, and gives back the existing name", async () => {
    const fetch = answer(200, { sameName: "Partner Portal" });
    vi.stubGlobal("fetch", fetch);
    await expect(fetchSameName("ent/1", "partner & portal")).resolves.toBe("Partner Portal");
    expect(fetch).toHaveBeenCalledWith(
      "/api/entities/ent%2F1/applications?sameName=partner+%26+portal",
      expect.objectContaining({ cache: "no-store" }),
    );
  });

  it("gives back null when nobody has the name", async () => {
    vi.stubGlobal("fetch", answer(200, { sameName: null }));
    await expect(fetchSameName("ent-1", "Unique")).resolves.toBeNull();
  });

  it("throws, rather than answer null, on a failure or a body it cannot read", async () => {
    vi.stubGlobal("fetch", answer(502, { error: "Wink is unavailable." }));
    await expect(fetchSameName("ent-1", "Any")).rejects.toThrow("HTTP 502");
    vi.stubGlobal("fetch", answer(200, { applications: [] }));
    await expect(fetchSameName("ent-1", "Any")).rejects.toThrow("could not read");
  });
});
