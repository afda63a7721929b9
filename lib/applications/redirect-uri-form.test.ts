import { describe, expect, it } from "vitest";
import {
  canonicalRedirectUri,
  punycodeForm,
  uriFormMessage,
  uriFormProblem,
  type UriFormProblem,
} from "./redirect-uri-form";

const problem = (value: string): UriFormProblem | null => uriFormProblem(value, new URL(value));

describe("uriFormProblem", () => {
  it("accepts URIs already written as the URL parser writes them", () => {
    for (const uri of [
      "https://app.example.com/callback",
      "https://app.example.com:8443/cb?x=1",
      "http://localhost:3000/cb",
      "http://[::1]/cb",
      "com.example.app:/callback",
      "https://app.example.com/%7e",
    ]) {
      expect(problem(uri), uri).toBeNull();
    }
  });

  it("refuses a backslash, which browsers read as a slash (host evil.example)", () => {
    expect(problem("https://evil.example\\@good.example/cb")).toEqual({ kind: "backslash" });
    expect(problem("https://good.example\\evil/cb")).toEqual({ kind: "backslash" });
  });

  it("refuses user info, with or without a password", () => {
    for (const uri of [
      "https://user:pass@app.example.com/cb",
      "https://user@app.example.com/cb",
      "https://@app.example.com/cb",
      "https://good.example@evil.example/cb",
    ]) {
      expect(problem(uri), uri).toEqual({ kind: "user-info" });
    }
  });

  it("refuses tabs, line breaks, spaces and invisible characters, which the parser drops", () => {
    for (const uri of [
      "https://app.exa\tmple.com/cb",
      "https://app.example.com/c\nb",
      "https://app.example.com/c\rb",
      "https://app.example.com/\u200Bcb",
    ]) {
      expect(problem(uri), JSON.stringify(uri)).toEqual({ kind: "whitespace" });
    }
  });

  it("refuses a missing host that the parser would fill from the path", () => {
    expect(problem("https:///path")).toEqual({ kind: "no-host" });
    expect(problem("https:////evil.example/cb")).toEqual({ kind: "no-host" });
  });

  it("refuses other spellings, saying how browsers read them", () => {
    const cases: [string, string][] = [
      ["https://APP.example.com/cb", "https://app.example.com/cb"],
      ["HTTPS://app.example.com/cb", "https://app.example.com/cb"],
      ["https://app.example.com", "https://app.example.com/"],
      ["https://app.example.com:443/cb", "https://app.example.com/cb"],
      ["https://app.example.com/a/../cb", "https://app.example.com/cb"],
      ["https://app.example.com/ü", "https://app.example.com/%C3%BC"],
      ["https:app.example.com/cb", "https://app.example.com/cb"],
      ["https://0x7f.1/cb", "https://127.0.0.1/cb"],
      ["https://ｅｖｉｌ.example/cb", "https://evil.example/cb"],
      ["https://evil。example/cb", "https://evil.example/cb"],
    ];
    for (const [typed, read] of cases) {
      const found = problem(typed);
      expect(found, typed).toEqual({ kind: "not-canonical", canonical: read });
      expect(uriFormMessage(found!)).toContain(read);
    }
  });

  it("accepts an internationalised host typed in Unicode, label for label", () => {
    expect(problem("https://bücher.example/cb")).toBeNull();
    expect(problem("https://例え.jp/cb")).toBeNull();
    // Upper case is not how the host will be read: refused with the form that is.
    expect(problem("https://BÜCHER.example/cb")).toEqual({
      kind: "not-canonical",
      canonical: "https://xn--bcher-kva.example/cb",
    });
  });
});

describe("punycodeForm and canonicalRedirectUri", () => {
  it("show and save an internationalised host in punycode", () => {
    expect(punycodeForm("https://bücher.example/cb")).toBe("https://xn--bcher-kva.example/cb");
    expect(canonicalRedirectUri(" https://bücher.example/cb ")).toBe(
      "https://xn--bcher-kva.example/cb",
    );
  });

  it("have nothing to show for an ASCII host or a value that does not parse", () => {
    expect(punycodeForm("https://app.example.com/cb")).toBeNull();
    expect(punycodeForm("not a uri")).toBeNull();
    expect(canonicalRedirectUri("not a uri")).toBe("not a uri");
  });
});
