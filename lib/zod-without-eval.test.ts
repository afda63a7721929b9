import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";

// Zod keeps one configuration per process; these tests run in order, on that one object.
describe("zod-without-eval", () => {
  it("makes zod parse without compiling code when it is loaded before zod", async () => {
    await import("./zod-without-eval");
    const { config } = await import("zod/v4/core");
    expect(config().jitless).toBe(true);
  });

  it("makes zod parse without compiling code when zod was loaded first", async () => {
    const { config } = await import("zod/v4/core");
    config({ jitless: false });
    vi.resetModules();
    await import("./zod-without-eval");
    expect(config().jitless).toBe(true);
  });

  it("imports no part of zod, which would then load with every page", () => {
    const source = readFileSync(new URL("./zod-without-eval.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/\bfrom\s+["']zod|import\s*\(?\s*["']zod/);
  });
});
