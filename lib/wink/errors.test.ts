import { describe, expect, it, vi } from "vitest";
import { WinkError, isWinkError } from "./errors";

describe("isWinkError", () => {
  it("recognises a WinkError made by another copy of the module (another bundle)", async () => {
    vi.resetModules();
    const copy = await import("./errors");
    expect(copy.WinkError).not.toBe(WinkError);
    const error = new copy.WinkError({
      kind: "token",
      safeMessage: "Wink's sign-in service is unreachable.",
      operation: "listApplications",
      retryable: true,
      outcome: "not-performed",
    });
    expect(error instanceof WinkError).toBe(false);
    expect(isWinkError(error)).toBe(true);
  });

  it("does not take other errors for one", () => {
    expect(isWinkError(new Error("WinkError"))).toBe(false);
    expect(isWinkError({ name: "WinkError", safeMessage: "x" })).toBe(false);
    expect(isWinkError(null)).toBe(false);
  });
});
