// The list page at two list sizes: the HTML's bytes on the wire (gzip, as a browser asks for
// them), and the server's time for the page and for the route handler's first page (a fresh read
// of Wink's list, then a view change answered from the process's copy). Figures, never
// assertions: the bench compares them within one run.
//
// The bench's "list" table (tables/list-sizes.mjs) runs it before the scale table.

import http from "node:http";
import { consoleUrls } from "./http.mjs";
import { ENTITY_ID } from "./sandbox.mjs";
import { median, round } from "./stats.mjs";

/** One GET with the session: status, bytes on the wire (compressed as sent), milliseconds. */
function get(url, cookie) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(
      url,
      { headers: { Cookie: cookie, "Accept-Encoding": "gzip", Accept: "text/html,*/*" } },
      (response) => {
        let bytes = 0;
        response.on("data", (chunk) => (bytes += chunk.length));
        response.on("end", () =>
          resolve({
            status: response.statusCode,
            bytes,
            encoding: response.headers["content-encoding"] ?? "identity",
            ms: performance.now() - started,
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.setTimeout(60_000, () => request.destroy(new Error(`no answer from ${url}`)));
  });
}

async function sampled(url, cookie, samples) {
  await get(url, cookie); // warm-up: compiled routes, the token, the record's copy
  const runs = [];
  for (let i = 0; i < samples; i += 1) runs.push(await get(url, cookie));
  if (runs.some((run) => run.status !== 200)) {
    throw new Error(`${url}: HTTP ${runs.map((run) => run.status).join(",")}`);
  }
  return {
    bytes: median(runs.map((run) => run.bytes)),
    encoding: runs[0].encoding,
    ms: round(median(runs.map((run) => run.ms))),
  };
}

/**
 * For each size (the sandbox is seeded up to it; it never shrinks): the list page's HTML bytes and
 * server time, and the route handler's first page, fresh from Wink and from the copy.
 */
export async function measureListSizes({
  sandbox,
  consoleUrl,
  cookie,
  sizes = [100, 10_000],
  samples = 5,
}) {
  const urls = consoleUrls(consoleUrl);
  const api = `${consoleUrl}/api/entities/${ENTITY_ID}/applications`;
  const bySize = {};
  for (const size of sizes) {
    const count = await sandbox.countApplications();
    if (count < size) await sandbox.seed(size - count);
    const applications = await sandbox.countApplications();
    const html = await sampled(urls.page, cookie, samples);
    const fresh = await sampled(api, cookie, samples);
    const fromCopy = await sampled(`${api}?q=app&cached=1`, cookie, samples);
    bySize[size] = {
      applications,
      htmlBytes: html.bytes,
      htmlEncoding: html.encoding,
      pageMs: html.ms,
      routeFirstPageMs: fresh.ms,
      routeViewChangeMs: fromCopy.ms,
      routeBytes: fresh.bytes,
    };
  }
  return bySize;
}
