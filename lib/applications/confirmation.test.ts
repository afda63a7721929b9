import { describe, expect, it } from "vitest";
import { confirmationMatches, confirmationPhrase, confirmationSchema } from "./confirmation";

describe("confirmationPhrase", () => {
  it("is the application's name, trimmed", () => {
    expect(confirmationPhrase({ id: "a1", name: "  Booking site ", clientId: "c1" })).toBe(
      "Booking site",
    );
  });

  it("falls back to the client ID, then the id, so a blank name never arms the button", () => {
    expect(confirmationPhrase({ id: "a1", name: "   ", clientId: "c1" })).toBe("c1");
    expect(confirmationPhrase({ id: "a1", name: "", clientId: "" })).toBe("a1");
  });
});

describe("confirmationMatches", () => {
  it("accepts the exact name, ignoring surrounding spaces", () => {
    expect(confirmationMatches("Booking site", "Booking site")).toBe(true);
    expect(confirmationMatches("  Booking site  ", "Booking site ")).toBe(true);
  });

  it("refuses a different case, a prefix, or anything for an empty phrase", () => {
    expect(confirmationMatches("booking site", "Booking site")).toBe(false);
    expect(confirmationMatches("Booking", "Booking site")).toBe(false);
    expect(confirmationMatches("", "")).toBe(false);
    expect(confirmationMatches("  ", " ")).toBe(false);
  });
});

describe("confirmationSchema", () => {
  it("takes a string of reasonable length only", () => {
    expect(confirmationSchema.safeParse("Booking site").success).toBe(true);
    expect(confirmationSchema.safeParse(42).success).toBe(false);
    expect(confirmationSchema.safeParse("x".repeat(1000)).success).toBe(false);
  });
});
