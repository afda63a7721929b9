import { context, SpanKind, SpanStatusCode, trace, type Attributes } from "@opentelemetry/api";
import type { WinkEvent } from "@/lib/wink/client";

/**
 * A span for each call to Wink, made from the Wink client's events: `wink <operation>` for API
 * requests and `wink token` for the token endpoint, timed as the call was, and a child of whatever
 * span is active (the page, route handler or server action span Next.js creates).
 *
 * Attributes are the operation, the method, the status, the attempt and Wink's request id: never
 * the path (it holds entity and application ids), a header, a token or a secret. Without a tracer
 * provider (no OTEL_EXPORTER_OTLP_ENDPOINT) the API's no-op tracer makes this nearly free.
 */

const tracer = () => trace.getTracer("wink-console");

export function traceWinkEvent(event: WinkEvent): void {
  if (event.type === "retry") return;
  const endTime = Date.now();
  const attributes: Attributes = {};
  let name: string;
  let failed: boolean;
  if (event.type === "api-request") {
    name = `wink ${event.operation}`;
    attributes["wink.operation"] = event.operation;
    attributes["http.request.method"] = event.method;
    attributes["wink.attempt"] = event.attempt;
    if (event.requestId) attributes["wink.request_id"] = event.requestId;
    if (event.failure) attributes["error.type"] = event.failure;
    failed = Boolean(event.failure) || (event.status ?? 0) >= 400;
  } else {
    name = "wink token";
    attributes["wink.operation"] = "token";
    attributes["http.request.method"] = "POST";
    // The error's text may quote the token endpoint's answer: only that it failed is recorded.
    if (event.error) attributes["error.type"] = "token_request_failed";
    failed = Boolean(event.error);
  }
  if (event.status !== undefined) attributes["http.response.status_code"] = event.status;
  const span = tracer().startSpan(
    name,
    { kind: SpanKind.CLIENT, startTime: endTime - event.durationMs, attributes },
    context.active(),
  );
  if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end(endTime);
}
