import { describe, expect, it } from "vitest";
import { rotateOutcomeUnknownMessage } from "./rotate-outcome";

describe("rotateOutcomeUnknownMessage", () => {
  it("says the rotate may have happened and how to tell, naming the old client ID", () => {
    const message = rotateOutcomeUnknownMessage({ kind: "timeout" }, "client-old-123");
    expect(message).toMatch(/^Wink did not answer in time, so the credentials may or may not/);
    expect(message).toContain("client-old-123");
    expect(message).toMatch(/If it changed, the rotate happened.*new secret is lost.*rotate again/);
    expect(message).toMatch(/If it is unchanged, nothing happened and it is safe to try again\.$/);
  });

  it("names the kind of failure", () => {
    expect(rotateOutcomeUnknownMessage({ kind: "http", status: 503 }, "c")).toMatch(
      /^Wink failed \(HTTP 503\)/,
    );
    expect(rotateOutcomeUnknownMessage({ kind: "network" }, "c")).toMatch(
      /connection to Wink broke/,
    );
  });
});
