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

describe("confirmationPhrase for names Wink holds that the console would refuse", () => {
  it("is the name without its bidi override, so it reads as it is typed", () => {
    expect(confirmationPhrase({ id: "a1", name: "\u202Econfirm to delete", clientId: "c1" })).toBe(
      "confirm to delete",
    );
  });

  it("drops zero-width and formatting characters and normalises to NFC", () => {
    expect(confirmationPhrase({ id: "a1", name: "Pay\u200Bments\u2066", clientId: "c1" })).toBe(
      "Payments",
    );
    expect(confirmationPhrase({ id: "a1", name: "Cafe\u0301", clientId: "c1" })).toBe("Caf\u00E9");
  });

  it("reads runs of spaces and control characters as the one space the page shows", () => {
    const phrase = confirmationPhrase({
      id: "a1",
      name: "Line\nbreak\t\tand  b\u0007ell",
      clientId: "c1",
    });
    expect(phrase).toBe("Line break and bell");
    expect(confirmationMatches("Line break and bell", phrase)).toBe(true);
  });

  it("falls back to the client ID for a name nobody can type: half a surrogate pair, or too long", () => {
    expect(confirmationPhrase({ id: "a1", name: "\uD83Dabc", clientId: "c1" })).toBe("c1");
    expect(confirmationPhrase({ id: "a1", name: "x".repeat(1000), clientId: "c1" })).toBe("c1");
    expect(confirmationPhrase({ id: "a1", name: "x".repeat(100), clientId: "c1" })).toBe(
      "x".repeat(100),
    );
  });

  it("falls back to the client ID when nothing of the name shows", () => {
    for (const name of ["\u200B", "\u202E", "\uFE0F\u200D", "\u3164"]) {
      expect(confirmationPhrase({ id: "a1", name, clientId: "c1" }), JSON.stringify(name)).toBe(
        "c1",
      );
    }
  });
});

describe("confirmationMatches", () => {
  it("accepts what the dialog shows for a name with invisible characters, and the raw name", () => {
    const name = "\u202Econfirm";
    const phrase = confirmationPhrase({ id: "a1", name, clientId: "c1" });
    expect(confirmationMatches("confirm", phrase)).toBe(true);
    expect(confirmationMatches(name, phrase)).toBe(true);
    expect(confirmationMatches("mrifnoc", phrase)).toBe(false);
  });

  it("accepts either spelling of an accented letter", () => {
    expect(confirmationMatches("Cafe\u0301", "Caf\u00E9")).toBe(true);
  });

  it("refuses invisible characters alone, even against an invisible phrase", () => {
    expect(confirmationMatches("\u200B", "\u200B")).toBe(false);
  });

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
