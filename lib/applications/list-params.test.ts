import { describe, expect, it } from "vitest";
import {
  DEFAULT_LIST_PARAMS,
  isFiltered,
  listParamsToSearch,
  parseListParams,
} from "./list-params";

const parse = (query: string) => parseListParams(new URLSearchParams(query));

describe("parseListParams", () => {
  it("reads a full view", () => {
    expect(
      parse(
        "q=Shop&type=unknown&section=booking&risk=high&rotation=needed&sort=secret&dir=desc&page=3&size=50",
      ),
    ).toEqual({
      q: "Shop",
      type: "unknown",
      section: "booking",
      risk: "high",
      rotation: "needed",
      sort: "secret",
      dir: "desc",
      page: 3,
      size: 50,
    });
  });

  it("falls back to the defaults for anything invalid", () => {
    expect(
      parse("type=web&section=bank&risk=extreme&sort=age&rotation=all&dir=up&page=-2&size=1000"),
    ).toEqual(DEFAULT_LIST_PARAMS);
    expect(parse("page=1.5").page).toBe(1);
    expect(parse("page=abc").page).toBe(1);
    expect(parse("page=99999999999999999999").page).toBe(1);
    expect(parse("risk=none").risk).toBe("none");
    expect(parse("type=MACHINE_2_MACHINE").type).toBe("MACHINE_2_MACHINE");
  });

  it("caps the search text", () => {
    expect(parse(`q=${"a".repeat(500)}`).q).toHaveLength(200);
  });
});

describe("listParamsToSearch", () => {
  it("leaves defaults out, so the plain list has a plain URL", () => {
    expect(listParamsToSearch(DEFAULT_LIST_PARAMS)).toBe("");
    expect(listParamsToSearch({ ...DEFAULT_LIST_PARAMS, q: "   " })).toBe("");
  });

  it("round-trips a view and keeps parameters that are not the list's", () => {
    const view = {
      ...DEFAULT_LIST_PARAMS,
      q: "a&b",
      risk: "low" as const,
      page: 2,
      size: 100 as const,
    };
    const search = listParamsToSearch(view, new URLSearchParams("tab=x&page=9"));
    expect(search).toBe("?tab=x&page=2&q=a%26b&risk=low&size=100");
    expect(parseListParams(new URLSearchParams(search))).toEqual(view);
  });
});

describe("isFiltered", () => {
  it("counts search and filters, not blank text", () => {
    const none = { q: "", type: null, section: null, risk: null, rotation: null };
    expect(isFiltered({ ...none, q: " " })).toBe(false);
    expect(isFiltered({ ...none, q: "x" })).toBe(true);
    expect(isFiltered({ ...none, type: "SPA" })).toBe(true);
    expect(isFiltered({ ...none, section: "mcp" })).toBe(true);
    expect(isFiltered({ ...none, rotation: "needed" })).toBe(true);
  });
});
