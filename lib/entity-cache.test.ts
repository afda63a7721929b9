import { describe, expect, it } from "vitest";
import { createEntityCache, type EntityOption } from "./entity-cache";

function setup(options: { ttlMs?: number; refreshFloorMs?: number } = {}) {
  let clock = 1_000_000;
  let calls = 0;
  let entities: EntityOption[] = [{ id: "ent-1", name: "One" }];
  let fail = false;
  const cache = createEntityCache(
    async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (fail) throw new Error("Wink is down");
      return entities;
    },
    { ...options, now: () => clock },
  );
  return {
    cache,
    calls: () => calls,
    advance: (ms: number) => (clock += ms),
    setEntities: (next: EntityOption[]) => (entities = next),
    setFailing: (value: boolean) => (fail = value),
  };
}

describe("the entity cache", () => {
  it("asks Wink once for many concurrent readers, then answers from its copy", async () => {
    const t = setup();
    const answers = await Promise.all(Array.from({ length: 50 }, () => t.cache.load()));
    expect(answers.every((answer) => answer[0]?.id === "ent-1")).toBe(true);
    await t.cache.load();
    expect(t.calls()).toBe(1);
  });

  it("asks again once the copy is older than its time to live", async () => {
    const t = setup({ ttlMs: 30_000 });
    await t.cache.load();
    t.advance(29_999);
    await t.cache.load();
    expect(t.calls()).toBe(1);
    t.advance(2);
    await t.cache.load();
    expect(t.calls()).toBe(2);
  });

  it("does not keep a failed read", async () => {
    const t = setup();
    t.setFailing(true);
    await expect(t.cache.load()).rejects.toThrow("Wink is down");
    t.setFailing(false);
    await expect(t.cache.load()).resolves.toHaveLength(1);
    expect(t.calls()).toBe(2);
  });

  it("finds an entity added since the copy was taken, and refreshes at most once per floor", async () => {
    const t = setup({ refreshFloorMs: 5_000 });
    await t.cache.load();
    t.setEntities([
      { id: "ent-1", name: "One" },
      { id: "ent-2", name: "Two" },
    ]);
    t.advance(6_000);
    expect(await t.cache.has("ent-2")).toBe(true);
    expect(t.calls()).toBe(2);
    // A flood of unknown ids right after costs nothing more.
    for (let i = 0; i < 20; i++) expect(await t.cache.has(`nope-${i}`)).toBe(false);
    expect(t.calls()).toBe(2);
  });

  it("forgets its copy when cleared", async () => {
    const t = setup();
    await t.cache.load();
    t.cache.clear();
    await t.cache.load();
    expect(t.calls()).toBe(2);
  });

  it("keeps nothing between calls with a time to live of 0, but joins concurrent ones", async () => {
    const t = setup({ ttlMs: 0 });
    await Promise.all([t.cache.load(), t.cache.load()]);
    expect(t.calls()).toBe(1);
    await t.cache.load();
    expect(t.calls()).toBe(2);
  });

  it("does not keep an answer that was on its way when it was cleared", async () => {
    const t = setup();
    const pending = t.cache.load();
    t.cache.clear();
    t.setEntities([{ id: "ent-2", name: "Two" }]);
    await pending;
    expect((await t.cache.load())[0]?.id).toBe("ent-2");
    expect(t.calls()).toBe(2);
  });
});
