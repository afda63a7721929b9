import { describe, expect, it } from "vitest";
import {
  firstGrapheme,
  hasBidiOverride,
  hasControlCharacter,
  isBlankText,
  visibleText,
} from "./display-text";

describe("visibleText", () => {
  it("removes zero-width, bidi and other format characters, and trims", () => {
    expect(visibleText("\u200B")).toBe("");
    expect(visibleText("\u202Econfirm")).toBe("confirm");
    expect(visibleText(" Boo\u200Dking\u00AD site\u2066 ")).toBe("Booking site");
    expect(visibleText("\u2067\u200F\u061C\uFEFF")).toBe("");
  });

  it("removes blanks that are not format characters: variation selectors, fillers, Braille blank", () => {
    expect(visibleText("\uFE0F\u{E0100}")).toBe("");
    expect(visibleText("\u3164\u115F\u1160\uFFA0")).toBe("");
    expect(visibleText("\u2800\u034F\u180E")).toBe("");
  });

  it("reads each run of spaces, line breaks and controls as one space, as HTML shows it", () => {
    expect(visibleText("a\t\tb\n c  d\u0007e\u0085f")).toBe("a b c de f");
  });

  it("normalises to NFC, so the two spellings of é are one", () => {
    expect(visibleText("Cafe\u0301")).toBe("Caf\u00E9");
    expect(visibleText("Caf\u00E9")).toBe("Caf\u00E9");
  });

  it("keeps letters of every script", () => {
    expect(visibleText("予約 שלום مرحبا")).toBe("予約 שלום مرحبا");
  });
});

describe("isBlankText", () => {
  it("is true for names that render as nothing", () => {
    for (const blank of ["", "   ", "\u200B", "\u200B\u200C\u200D", "\u202E", "\uFE0F", "\u3164"]) {
      expect(isBlankText(blank), JSON.stringify(blank)).toBe(true);
    }
    expect(isBlankText("\u200Bx")).toBe(false);
  });
});

describe("hasControlCharacter and hasBidiOverride", () => {
  it("finds C0, DEL, C1 and line separators", () => {
    for (const text of ["a\tb", "a\nb", "a\u0000", "a\u007F", "a\u0085", "a\u2028b", "a\u2029"]) {
      expect(hasControlCharacter(text), JSON.stringify(text)).toBe(true);
    }
    expect(hasControlCharacter("Booking site")).toBe(false);
  });

  it("finds embeddings and overrides, not isolates or marks", () => {
    for (const text of ["\u202Aa", "\u202Ba", "a\u202C", "\u202Da", "\u202Ea"]) {
      expect(hasBidiOverride(text), JSON.stringify(text)).toBe(true);
    }
    expect(hasBidiOverride("\u2067שלום\u2069 \u200F")).toBe(false);
  });
});

describe("firstGrapheme", () => {
  it("takes a whole emoji, not half of a surrogate pair", () => {
    expect(firstGrapheme("😀 Emoji Bot")).toBe("😀");
    expect(firstGrapheme("👩‍💻 Dev tools")).toBe("👩‍💻");
    expect(firstGrapheme("🇯🇵 Tokyo")).toBe("🇯🇵");
  });

  it("keeps combining marks with their letter and upper-cases", () => {
    expect(firstGrapheme("e\u0301clair")).toBe("\u00C9");
    expect(firstGrapheme("booking")).toBe("B");
  });

  it("skips invisible leading characters, and falls back to ?", () => {
    expect(firstGrapheme("\u202E\u200Bconfirm")).toBe("C");
    expect(firstGrapheme("\u200B")).toBe("?");
    expect(firstGrapheme("")).toBe("?");
  });

  it("never returns a lone surrogate", () => {
    for (const name of ["😀", "\uD83D", "𝒜bc", "\uDE00x"]) {
      expect(firstGrapheme(name).isWellFormed(), JSON.stringify(name)).toBe(true);
    }
  });
});
