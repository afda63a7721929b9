import { describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/auth/action";
import { SubmitOnce } from "./use-submit-once";

function ids() {
  let n = 0;
  return () => `submission-${++n}`.padEnd(20, "x");
}

/** A request the test answers when it chooses. */
function deferred<T>() {
  let answer: (value: ActionResult<T>) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const promise = new Promise<ActionResult<T>>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  return { promise, answer, fail };
}

describe("SubmitOnce", () => {
  it("sends one request at a time: a second submit while one is pending sends nothing", async () => {
    const machine = new SubmitOnce(ids());
    const first = deferred<string>();
    const sent: string[] = [];
    const one = machine.send((id) => (sent.push(id), first.promise), "unanswered");
    expect(machine.pending).toBe(true);
    expect(await machine.send((id) => (sent.push(id), first.promise), "unanswered")).toBeNull();
    first.answer({ ok: true, data: "done" });
    expect(await one).toEqual({ ok: true, data: "done" });
    expect(sent).toHaveLength(1);
    expect(machine.pending).toBe(false);
  });

  it.each([
    ["a success", { ok: true, data: "x" }],
    ["a refusal", { ok: false, error: "no", status: 400 }],
    ["an unknown outcome", { ok: false, error: "lost", status: 504, outcomeUnknown: true }],
  ] as const)(
    "renews the id after %s, so the next request is not taken for a repeat",
    async (_n, answer) => {
      const machine = new SubmitOnce(ids());
      const sent: string[] = [];
      await machine.send(
        async (id) => (sent.push(id), answer as ActionResult<string>),
        "unanswered",
      );
      await machine.send(
        async (id) => (sent.push(id), answer as ActionResult<string>),
        "unanswered",
      );
      expect(sent).toEqual(["submission-1".padEnd(20, "x"), "submission-2".padEnd(20, "x")]);
    },
  );

  it("turns a console that did not answer into an unknown outcome, and renews the id", async () => {
    const machine = new SubmitOnce(ids());
    const lost = deferred<string>();
    const pending = machine.send(() => lost.promise, "The console did not answer.");
    lost.fail(new TypeError("Failed to fetch"));
    expect(await pending).toEqual({
      ok: false,
      status: 0,
      outcomeUnknown: true,
      error: "The console did not answer.",
    });
    expect(machine.submissionId).toBe("submission-2".padEnd(20, "x"));
    expect(machine.pending).toBe(false);
  });

  it("renews on a new attempt, but never under a pending request", async () => {
    const machine = new SubmitOnce(ids());
    machine.renew();
    expect(machine.submissionId).toBe("submission-2".padEnd(20, "x"));
    const slow = deferred<string>();
    const sent: string[] = [];
    const pending = machine.send((id) => (sent.push(id), slow.promise), "unanswered");
    machine.renew();
    expect(machine.submissionId).toBe(sent[0]);
    slow.answer({ ok: true, data: "x" });
    await pending;
  });
});
