import { getEnv } from "@/lib/env";
import { metricsAccess } from "@/lib/metrics/access";
import { getMetrics } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

/**
 * Prometheus metrics (text exposition format) for a scraper that sends
 * `Authorization: Bearer <CONSOLE_METRICS_TOKEN>`. Without the setting the endpoint does not exist
 * (404); a missing or wrong token gets 401. Labels carry names and status classes only
 * (lib/metrics/registry.ts), never an id, a token or a secret.
 */
export async function GET(request: Request) {
  const access = metricsAccess(
    request.headers.get("authorization"),
    getEnv().metricsToken ?? undefined,
  );
  const headers = { "Cache-Control": "no-store" };
  if (access === "disabled") return new Response("Not found.\n", { status: 404, headers });
  if (access === "denied") {
    return new Response("A bearer token is required.\n", {
      status: 401,
      headers: { ...headers, "WWW-Authenticate": 'Bearer realm="metrics"' },
    });
  }
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), {
    headers: { ...headers, "Content-Type": registry.contentType },
  });
}
