import { afterEach, describe, expect, it, vi } from "vitest";
import { changesInFlight, trackChange, whenNoChangeInFlight } from "./in-flight";
import { isDraining, shutDown } from "./shutdown";

const SHUTDOWN_KEY = Symbol.for("wink-console.shutdown");

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[SHUTDOWN_KEY];
  vi.useRealTimers();
});

describe("changes in flight", () => {
  it("counts a change until it settles, whether it returns or throws", async () => {
    const gate = deferred();
    const running = trackChange(async () => (await gate.promise, "done"));
    const failing = trackChange(async () => {
      await gate.promise;
      throw new Error("refused");
    });
    expect(changesInFlight()).toBe(2);
    let idle = false;
    const waiting = whenNoChangeInFlight(60_000).then((settled) => (idle = settled));
    await Promise.resolve();
    expect(idle).toBe(false);
    gate.resolve();
    await expect(running).resolves.toBe("done");
    await expect(failing).rejects.toThrow("refused");
    await waiting;
    expect(idle).toBe(true);
    expect(changesInFlight()).toBe(0);
  });

  it("gives up waiting after the bound with a change still running", async () => {
    vi.useFakeTimers();
    const gate = deferred();
    const running = trackChange(() => gate.promise);
    const waiting = whenNoChangeInFlight(1_000);
    vi.advanceTimersByTime(1_000);
    await expect(waiting).resolves.toBe(false);
    gate.resolve();
    await running;
  });
});

describe("shutDown", () => {
  it("drains, waits for the change in flight, then closes the database, once", async () => {
    const gate = deferred();
    const steps: string[] = [];
    const change = trackChange(async () => {
      await gate.promise;
      steps.push("change answered");
    });
    const exit = vi.fn();
    const closeDatabase = vi.fn(async () => void steps.push("database closed"));
    const stopping = shutDown("SIGTERM", { exit, closeDatabase });
    expect(isDraining()).toBe(true);
    // A second signal changes nothing.
    await shutDown("SIGTERM", { exit, closeDatabase });
    await Promise.resolve();
    expect(closeDatabase).not.toHaveBeenCalled();
    gate.resolve();
    await change;
    await stopping;
    expect(steps).toEqual(["change answered", "database closed"]);
    expect(closeDatabase).toHaveBeenCalledTimes(1);
    expect(exit).not.toHaveBeenCalled();
  });

  it("exits with 1 when a change outlives the bound", async () => {
    vi.useFakeTimers();
    const gate = deferred();
    const change = trackChange(() => gate.promise);
    const exit = vi.fn();
    const closeDatabase = vi.fn(async () => {});
    const stopping = shutDown("SIGTERM", { boundMs: 5_000, exit, closeDatabase });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(exit).toHaveBeenCalledWith(1);
    await stopping;
    gate.resolve();
    await change;
  });
});
