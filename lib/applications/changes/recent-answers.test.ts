import { describe, expect, it } from "vitest";
import type { Application } from "@/lib/wink";
import { CHANGED_TTL_MS, createRecentAnswers, SHOWN_TTL_MS } from "./recent-answers";

const app = (id: string, clientId = `client-${id}`): Application => ({
  id,
  name: `App ${id}`,
  clientId,
  redirectUris: [],
  postLogoutRedirectUris: [],
  scopes: [],
  iconIdentifier: null,
});

describe("recent answers", () => {
  it("answers what a page showed until SHOWN_TTL_MS, for that entity and application only", () => {
    const answers = createRecentAnswers();
    answers.noteShown("ent-1", app("a"), 1_000);
    expect(answers.recentlyShown("ent-1", "a", 1_000 + SHOWN_TTL_MS)).toMatchObject({ id: "a" });
    expect(answers.recentlyShown("ent-2", "a", 1_000)).toBeUndefined();
    expect(answers.recentlyShown("ent-1", "b", 1_000)).toBeUndefined();
    expect(answers.recentlyShown("ent-1", "a", 1_001 + SHOWN_TTL_MS)).toBeUndefined();
  });

  it("gives a change's answer once, with when Wink gave it, and not after CHANGED_TTL_MS", () => {
    const answers = createRecentAnswers();
    answers.noteChanged("ent-1", app("a", "new"), 5_000);
    expect(answers.takeChanged("ent-1", "a", 6_000)).toEqual({
      application: app("a", "new"),
      at: 5_000,
    });
    expect(answers.takeChanged("ent-1", "a", 6_000)).toBeUndefined();

    answers.noteChanged("ent-1", app("b"), 5_000);
    expect(answers.takeChanged("ent-1", "b", 5_001 + CHANGED_TTL_MS)).toBeUndefined();
  });

  it("keeps copies: a caller that changes what it got changes nothing kept", () => {
    const answers = createRecentAnswers();
    const shown = app("a");
    answers.noteShown("ent-1", shown, 0);
    shown.name = "changed by the caller";
    answers.recentlyShown("ent-1", "a", 0)!.scopes.push("booking.read");
    expect(answers.recentlyShown("ent-1", "a", 0)).toEqual(app("a"));
  });

  it("forgets a deleted application, and holds at most 500 of each kind", () => {
    const answers = createRecentAnswers();
    answers.noteShown("ent-1", app("a"), 0);
    answers.noteChanged("ent-1", app("a"), 0);
    answers.forget("ent-1", "a");
    expect(answers.recentlyShown("ent-1", "a", 0)).toBeUndefined();
    expect(answers.takeChanged("ent-1", "a", 0)).toBeUndefined();

    for (let i = 0; i <= 500; i++) answers.noteShown("ent-1", app(`x${i}`), 0);
    expect(answers.recentlyShown("ent-1", "x0", 0)).toBeUndefined();
    expect(answers.recentlyShown("ent-1", "x500", 0)).toMatchObject({ id: "x500" });
  });
});
