import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

const ASCII_PRINTABLE = /^[\u0021-\u007e]*$/;

describe("safeReturnPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeReturnPath("/entities/e-1/applications?q=booking&page=1")).toBe(
      "/entities/e-1/applications?q=booking&page=1",
    );
    expect(safeReturnPath("/")).toBe("/");
  });

  it("percent-encodes any character once, whether it came encoded or not", () => {
    expect(safeReturnPath("/✓")).toBe("/%E2%9C%93");
    expect(safeReturnPath("/%E2%9C%93")).toBe("/%E2%9C%93");
    expect(safeReturnPath("/пример")).toBe("/%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80");
    expect(safeReturnPath("/entities/e-1/applications?q=привет")).toBe(
      "/entities/e-1/applications?q=%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82",
    );
    expect(safeReturnPath("/a b?q=x y")).toBe("/a%20b?q=x%20y");
    expect(safeReturnPath("/😀")).toBe("/%F0%9F%98%80");
    // A "%" that starts no escape is a literal percent sign.
    expect(safeReturnPath("/100%")).toBe("/100%25");
    expect(safeReturnPath("/x?discount=5%zz")).toBe("/x?discount=5%25zz");
  });

  it("refuses other sites and anything a browser could read as one", () => {
    for (const value of [
      "//evil.example",
      "//evil.example/path",
      "/\\evil.example",
      "\\\\evil.example",
      "https://evil.example/",
      "http:/evil.example",
      "javascript:alert(1)",
      "evil.example",
      "/\tevil",
      "/a\nb",
      "/a\u007fb",
      // Dot segments that collapse into a protocol-relative URL.
      "/.//evil.example",
      "/..//evil.example",
      "/a/%2e%2e//evil.example",
      "",
    ]) {
      expect(safeReturnPath(value, "/fallback"), JSON.stringify(value)).toBe("/fallback");
    }
    expect(safeReturnPath(undefined)).toBe("/");
    expect(safeReturnPath(["/a"])).toBe("/");
  });

  it("keeps an encoded slash as part of one segment (a path, not a host)", () => {
    expect(safeReturnPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });

  it("gives, for any path, an ASCII same-site path that a second pass leaves unchanged", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 24 }), (tail) => {
        const result = safeReturnPath(`/${tail}`, "/fallback");
        return (
          ASCII_PRINTABLE.test(result) &&
          result.startsWith("/") &&
          !result.startsWith("//") &&
          safeReturnPath(result, "/other") === result
        );
      }),
      { numRuns: 200 },
    );
  });

  it("round-trips the characters of a path: decoding gives back what was asked for", () => {
    const segment = fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }).filter(
      // Characters with a meaning in a URL are not plain text: left to the examples above.
      (text) => !/[/?#%\\.&+=\s\u0000-\u001f\u007f]/.test(text),
    );
    fc.assert(
      fc.property(segment, segment, (path, query) => {
        const result = safeReturnPath(`/${path}?q=${query}`);
        const url = new URL(result, "http://console.test");
        expect(decodeURIComponent(url.pathname)).toBe(`/${path}`);
        expect(url.searchParams.get("q")).toBe(query);
      }),
      { numRuns: 200 },
    );
  });
});
