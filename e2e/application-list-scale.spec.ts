import { request as httpGet } from "node:http";
import { test, expect } from "./support/fixtures";
import { E2E } from "./support/ports";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";

const listPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;

/** The bytes on the wire of a GET, compressed as a browser asks for them. */
function compressedBytes(url: string, cookie: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const request = httpGet(
      url,
      { headers: { Cookie: cookie, "Accept-Encoding": "gzip", Accept: "text/html" } },
      (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end();
  });
}

test.describe("the list at 10,000 applications", () => {
  test("renders its first page, and its HTML stays under 50 KiB compressed", async ({
    sandbox,
    adminPage: page,
  }) => {
    test.slow();
    await sandbox.seed(10_000);
    try {
      await page.goto(listPath);
      await expect(page.getByTestId("application-row")).toHaveCount(25);
      await expect(page.getByTestId("list-summary")).toHaveText(
        /^Showing 1–25 of 10,0\d\d applications$/,
      );

      const cookie = (await page.context().cookies(E2E.consoleUrl))
        .map(({ name, value }) => `${name}=${value}`)
        .join("; ");
      const html = await compressedBytes(`${E2E.consoleUrl}${listPath}`, cookie);
      expect(html.status).toBe(200);
      expect(html.bytes).toBeLessThan(50 * 1024);

      // A search and a page turn are answered a page at a time too.
      await page.getByRole("searchbox", { name: "Search applications" }).fill("zzz-no-such");
      await expect(page.getByTestId("list-summary")).toHaveText(
        /^No applications match these filters \(10,0\d\d in all\)$/,
      );
    } finally {
      // The next specs start from the seed, not from 10,000 applications.
      await sandbox.reset();
    }
  });
});
