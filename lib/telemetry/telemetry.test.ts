import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { context, trace } from "@opentelemetry/api";
import type { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clientFor,
  sendJson,
  startFakeWink,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  type FakeWink,
} from "@/lib/wink/testing/fake-wink";
import { startTracing } from "./setup";
import { traceWinkEvent } from "./wink-spans";

// An OTLP receiver: what the exporter POSTs to /v1/traces, as JSON.
type OtlpValue = { stringValue?: string; intValue?: number | string };
type OtlpSpan = {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: { key: string; value: OtlpValue }[];
  status?: { code?: number };
};
type OtlpExport = { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };

let receiver: Server;
let endpoint: string;
const bodies: string[] = [];
let fake: FakeWink;
let provider: NodeTracerProvider;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      if (request.url === "/v1/traces") bodies.push(body);
      response.writeHead(200, { "Content-Type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  fake = await startFakeWink();
  provider = startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: `${endpoint}/` })!;
});

afterAll(async () => {
  await provider?.shutdown();
  trace.disable();
  context.disable();
  await fake.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const spansOf = (body: string) =>
  (JSON.parse(body) as OtlpExport).resourceSpans.flatMap((resource) =>
    resource.scopeSpans.flatMap((scope) => scope.spans),
  );
const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((entry) => entry.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};

describe("OpenTelemetry traces", () => {
  it("is off without OTEL_EXPORTER_OTLP_ENDPOINT", () => {
    expect(startTracing({})).toBeNull();
  });

  it("exports a span per Wink call, as a child of the active span, with no secret in it", async () => {
    fake.onApi((_request, response) =>
      sendJson(response, 200, [], { "X-Request-Id": "wink-req-42" }),
    );
    const client = clientFor(fake, { onEvent: traceWinkEvent });
    const tracer = trace.getTracer("test");
    const parent = await tracer.startActiveSpan(
      "POST /entities/[entityId]/applications",
      async (span) => {
        await client.listApplications("entity-not-in-a-span");
        span.end();
        return span.spanContext();
      },
    );
    await provider.forceFlush();

    const body = bodies.join("\n");
    const spans = bodies.flatMap(spansOf);
    const list = spans.find((span) => span.name === "wink listApplications");
    const token = spans.find((span) => span.name === "wink token");
    expect(list).toBeDefined();
    expect(list!.traceId).toBe(parent.traceId);
    expect(list!.parentSpanId).toBe(parent.spanId);
    expect(attribute(list!, "wink.operation")).toBe("listApplications");
    expect(attribute(list!, "http.response.status_code")).toBe(200);
    expect(attribute(list!, "wink.request_id")).toBe("wink-req-42");
    expect(token?.parentSpanId).toBe(parent.spanId);
    expect(attribute(token!, "http.response.status_code")).toBe(200);
    for (const text of [
      TEST_CLIENT_SECRET,
      TEST_CLIENT_ID,
      "token-1",
      "entity-not-in-a-span",
      "Bearer",
      "Basic",
      fake.url,
    ])
      expect(body).not.toContain(text);
  });
});
