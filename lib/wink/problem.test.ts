import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WinkError } from "./errors";
import { readProblem } from "./problem";
import { clientFor, sendJson, startFakeWink, type FakeWink } from "./testing/fake-wink";

let fake: FakeWink;
beforeEach(async () => {
  fake = await startFakeWink();
});
afterEach(() => fake.close());

const UPDATE = { name: "Engine", redirectUris: ["not a url"] };
const STANDARD = {
  type: "https://api.wink.travel/problems/validation",
  title: "Bad Request",
  status: 400,
  detail: "Invalid request content.",
  instance: "/api/managing-entity/me-1/application/app-1",
};
const EXTENSIONS = { errors: [{ field: "redirectUris[0]", message: "must be a valid URL" }] };

async function errorFor(status: number, body: unknown, contentType: string): Promise<WinkError> {
  fake.onApi((_q, response) => sendJson(response, status, body, { "Content-Type": contentType }));
  const error = await clientFor(fake)
    .updateApplication("me-1", "app-1", UPDATE)
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(WinkError);
  return error as WinkError;
}

describe("problem details from Wink", () => {
  it("reads extension members flattened or under `properties` into the same WinkError", async () => {
    const flat = await errorFor(400, { ...STANDARD, ...EXTENSIONS }, "application/problem+json");
    const nested = await errorFor(400, { ...STANDARD, properties: EXTENSIONS }, "application/json");

    for (const error of [flat, nested]) {
      expect(error.kind).toBe("http");
      expect(error.status).toBe(400);
      expect(error.problem).toEqual({
        type: STANDARD.type,
        title: "Bad Request",
        detail: "Invalid request content.",
        instance: STANDARD.instance,
        fieldErrors: [{ field: "redirectUris[0]", message: "must be a valid URL" }],
      });
      expect(error.fieldErrors).toHaveLength(1);
    }
    expect(flat.message).toBe(nested.message);
    expect(flat.toJSON()).toEqual(nested.toJSON());
  });

  it("reads a JSON problem whatever the media type says", async () => {
    const error = await errorFor(409, { title: "Conflict", detail: "Name in use" }, "text/plain");
    expect(error.problem?.detail).toBe("Name in use");
    expect(error.message).toBe(
      "Wink refused to save the application because of a conflict: Name in use.",
    );
  });

  it.each([
    ["a bare {}", {}, "application/json"],
    ["an HTML page", "<html><body>Internal error</body></html>", "text/html"],
    ["nothing", "", "text/plain"],
  ])("gives a sensible error for a 500 with %s", async (_name, body, contentType) => {
    const error = await errorFor(500, body, contentType);
    expect(error.status).toBe(500);
    expect(error.problem).toEqual({ fieldErrors: [] });
    expect(error.message).toMatch(/^Wink is unavailable \(HTTP 500\)\. The outcome is unknown/);
    expect(error.message).not.toContain("<html>");
  });
});

describe("readProblem", () => {
  it("reads field errors in the shapes seen in the wild", () => {
    const problem = readProblem(
      JSON.stringify({
        title: "Bad Request",
        fieldErrors: { name: "must not be blank", scopes: ["unknown scope", "duplicate"] },
        "invalid-params": [{ name: "redirectUris[1]", reason: "no fragments" }],
        properties: {
          invalidParams: [{ name: "clientType", reason: "unknown" }],
          errors: [
            { field: "iconIdentifier", defaultMessage: "too long" },
            { pointer: "/postLogoutRedirectUris/0", detail: "not https" },
            { nothing: "useful" },
          ],
        },
      }),
    );
    expect(problem.fieldErrors).toEqual([
      { field: "iconIdentifier", message: "too long" },
      { field: "postLogoutRedirectUris[0]", message: "not https" },
      { field: "name", message: "must not be blank" },
      { field: "scopes", message: "unknown scope" },
      { field: "scopes", message: "duplicate" },
      { field: "clientType", message: "unknown" },
      { field: "redirectUris[1]", message: "no fragments" },
    ]);
  });

  it("tolerates missing members, wrong types and non-objects", () => {
    expect(readProblem("[1,2]")).toEqual({ fieldErrors: [] });
    expect(readProblem("null")).toEqual({ fieldErrors: [] });
    expect(readProblem('{"title": 42, "detail": "  "}')).toEqual({ fieldErrors: [] });
    expect(readProblem('{"message": "Plain message"}').detail).toBe("Plain message");
  });

  it("clips a detail that is a stack trace", () => {
    const detail = readProblem(JSON.stringify({ detail: "x".repeat(5000) })).detail ?? "";
    expect(detail.length).toBeLessThan(600);
  });
});
