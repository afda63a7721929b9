import { describe, expect, it } from "vitest";
import { metricsAccess } from "./access";
import { recordChange, recordWinkEvent, statusClass } from "./record";
import { createConsoleMetrics } from "./registry";

describe("the metrics registry", () => {
  it("counts Wink calls by operation, status class and outcome, with their latency", async () => {
    const metrics = createConsoleMetrics();
    const call = {
      type: "api-request" as const,
      operation: "listApplications" as const,
      method: "GET",
      path: "/api/managing-entities/entity-secret-id/applications",
      attempt: 1,
      requestId: "wink-request-id-77",
    };
    recordWinkEvent({ ...call, status: 200, durationMs: 40 }, metrics);
    recordWinkEvent({ ...call, status: 200, durationMs: 60 }, metrics);
    recordWinkEvent({ ...call, status: 503, durationMs: 5 }, metrics);
    recordWinkEvent({ ...call, failure: "timeout", durationMs: 4000 }, metrics);
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'console_wink_requests_total{operation="listApplications",status_class="2xx",outcome="ok"} 2',
    );
    expect(text).toContain(
      'console_wink_requests_total{operation="listApplications",status_class="5xx",outcome="error"} 1',
    );
    expect(text).toContain(
      'console_wink_requests_total{operation="listApplications",status_class="none",outcome="timeout"} 1',
    );
    expect(text).toContain(
      'console_wink_request_duration_seconds_bucket{le="0.05",operation="listApplications",status_class="2xx"} 1',
    );
    // Neither the path (which holds the entity id) nor Wink's request id becomes a label.
    expect(text).not.toContain("entity-secret-id");
    expect(text).not.toContain("wink-request-id-77");
  });

  it("counts token requests and their failures, without the token URL or the error text", async () => {
    const metrics = createConsoleMetrics();
    const tokenUrl = "https://iam.example/oauth2/token";
    recordWinkEvent({ type: "token-request", tokenUrl, status: 200, durationMs: 12 }, metrics);
    recordWinkEvent(
      { type: "token-request", tokenUrl, status: 401, durationMs: 9, error: "invalid_client" },
      metrics,
    );
    recordWinkEvent(
      { type: "retry", operation: "getApplication", attempt: 1, delayMs: 100, reason: "HTTP 503" },
      metrics,
    );
    const text = await metrics.registry.metrics();
    expect(text).toContain('console_wink_token_requests_total{outcome="ok"} 1');
    expect(text).toContain('console_wink_token_requests_total{outcome="failed"} 1');
    expect(text).toContain("console_wink_token_request_duration_seconds_count 2");
    expect(text).toContain('console_wink_retries_total{operation="getApplication"} 1');
    expect(text).not.toContain("iam.example");
    expect(text).not.toContain("invalid_client");
  });

  it("counts changes by action and audited outcome", async () => {
    const metrics = createConsoleMetrics();
    recordChange({ action: "application.rotate", outcome: "succeeded" }, metrics);
    recordChange({ action: "application.rotate", outcome: "refused" }, metrics);
    recordChange({ action: "application.rotate", outcome: "succeeded" }, metrics);
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'console_changes_total{action="application.rotate",outcome="succeeded"} 2',
    );
    expect(text).toContain(
      'console_changes_total{action="application.rotate",outcome="refused"} 1',
    );
  });

  it("adds Node's process metrics to the process's registry only", async () => {
    expect(await createConsoleMetrics(true).registry.metrics()).toContain(
      "process_resident_memory_bytes",
    );
    expect(await createConsoleMetrics().registry.metrics()).not.toContain("process_");
  });

  it("names status classes, and none when no answer came", () => {
    expect([200, 204, 404, 503, undefined].map(statusClass)).toEqual([
      "2xx",
      "2xx",
      "4xx",
      "5xx",
      "none",
    ]);
  });
});

describe("metricsAccess", () => {
  const token = "metrics-token-0123456789";

  it("is disabled without a configured token, whatever is sent", () => {
    expect(metricsAccess(`Bearer ${token}`, undefined)).toBe("disabled");
    expect(metricsAccess(null, "  ")).toBe("disabled");
  });

  it("allows the configured bearer token only", () => {
    expect(metricsAccess(`Bearer ${token}`, token)).toBe("allowed");
    expect(metricsAccess(`bearer ${token}`, token)).toBe("allowed");
    for (const sent of [
      null,
      "",
      "Bearer",
      `Bearer ${token}x`,
      `Basic ${token}`,
      token,
      "Bearer  ",
    ])
      expect(metricsAccess(sent, token)).toBe("denied");
  });
});
