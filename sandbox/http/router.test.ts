import { describe, expect, it } from "vitest";

import { Router } from "./router";

const router = new Router<string>()
  .add("GET", "/items/:id", "get")
  .add("DELETE", "/items/:id", "delete")
  .add("GET", "/items/list", "list");

describe("Router", () => {
  it("prefers literal segments to parameters, whatever the order", () => {
    expect(router.match("GET", "/items/list")).toEqual({
      kind: "found",
      value: "list",
      params: {},
    });
    expect(router.match("GET", "/items/42")).toEqual({
      kind: "found",
      value: "get",
      params: { id: "42" },
    });
  });

  it("decodes parameters and refuses undecodable ones", () => {
    expect(router.match("GET", "/items/a%20b")).toMatchObject({ params: { id: "a b" } });
    expect(router.match("GET", "/items/%E0%A4%A")).toEqual({ kind: "not-found" });
  });

  it("answers method-not-allowed with the methods of the best match", () => {
    expect(router.match("PUT", "/items/42")).toEqual({
      kind: "method-not-allowed",
      allow: ["GET", "DELETE"],
    });
    expect(router.match("DELETE", "/items/list")).toEqual({
      kind: "method-not-allowed",
      allow: ["GET"],
    });
    expect(router.match("GET", "/elsewhere")).toEqual({ kind: "not-found" });
  });
});
