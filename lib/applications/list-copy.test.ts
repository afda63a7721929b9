import { describe, expect, it } from "vitest";
import type { Application } from "@/lib/wink-contract/schemas";
import { createListCopies } from "./list-copy";

const application = (id: string, name: string): Application => ({
  id,
  name,
  clientId: `client-${id}`,
  redirectUris: [],
  postLogoutRedirectUris: [],
  scopes: [],
  iconIdentifier: null,
});

function setup(ttlMs = 5_000) {
  let time = 0;
  const calls: string[] = [];
  let answer: Application[] = [application("1", "b"), application("2", "A")];
  let fail = false;
  const copies = createListCopies(
    async (entityId) => {
      calls.push(entityId);
      if (fail) throw new Error("Wink is unavailable");
      return answer;
    },
    { ttlMs, now: () => time },
  );
  return {
    copies,
    calls,
    tick: (ms: number) => (time += ms),
    answer: (next: Application[]) => (answer = next),
    fail: (value: boolean) => (fail = value),
  };
}

describe("the per-process copy of Wink's list", () => {
  it("answers view changes from the copy until it is older than the TTL", async () => {
    const { copies, calls, tick } = setup();
    const first = await copies.load("e1");
    tick(4_999);
    expect(await copies.load("e1")).toBe(first);
    expect(calls).toEqual(["e1"]);
    tick(1);
    await copies.load("e1");
    expect(calls).toEqual(["e1", "e1"]);
  });

  it("keeps the name order with the copy", async () => {
    const { copies } = setup();
    const copy = await copies.load("e1");
    expect(copy.keys.map((key) => key.nameRank)).toEqual([1, 0]);
  });

  it("asks Wink for a fresh read, and keeps its answer for the next view", async () => {
    const { copies, calls, answer } = setup();
    await copies.load("e1");
    answer([application("3", "C")]);
    const fresh = await copies.load("e1", { fresh: true });
    expect(fresh.applications.map((app) => app.id)).toEqual(["3"]);
    expect(await copies.load("e1")).toBe(fresh);
    expect(calls).toEqual(["e1", "e1"]);
  });

  it("shares one read among concurrent callers, per entity", async () => {
    const { copies, calls } = setup();
    await Promise.all([copies.load("e1"), copies.load("e1"), copies.load("e2")]);
    expect(calls).toEqual(["e1", "e2"]);
  });

  it("forgets the copy after a change, and does not keep an answer already on its way", async () => {
    const { copies, calls, answer } = setup();
    await copies.load("e1");
    copies.forget("e1");
    answer([application("9", "Z")]);
    expect((await copies.load("e1")).applications[0]?.id).toBe("9");

    const before = copies.load("e1", { fresh: true });
    copies.forget("e1");
    await before;
    await copies.load("e1");
    expect(calls).toEqual(["e1", "e1", "e1", "e1"]);
  });

  it("keeps no failed read", async () => {
    const { copies, calls, fail } = setup();
    fail(true);
    await expect(copies.load("e1")).rejects.toThrow("Wink is unavailable");
    fail(false);
    await copies.load("e1");
    expect(calls).toEqual(["e1", "e1"]);
  });
});
