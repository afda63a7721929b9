import { afterAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db/connection";
import { GET } from "./route";

describe("GET /api/ready", () => {
  afterAll(async () => {
    await closeDb();
    delete process.env.DATABASE_URL;
  });

  it("answers 503 naming the database, without its address or password, when it is unreachable", async () => {
    // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
    process.env.DATABASE_URL = "postgres://console:pw-not-shown@127.0.0.1:1/console";
    const response = await GET();
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toEqual({ ready: false, reason: "The console's database is unreachable." });
    expect(JSON.stringify(body)).not.toMatch(/pw-not-shown|127\.0\.0\.1/);
  });
});
