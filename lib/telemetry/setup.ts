import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

/**
 * OpenTelemetry traces, only when `OTEL_EXPORTER_OTLP_ENDPOINT` is set: a tracer provider that
 * exports over OTLP/HTTP (JSON) to `<endpoint>/v1/traces`, registered globally so that Next.js's
 * own spans (requests, rendering, server actions) and the console's Wink spans
 * (./wink-spans.ts) land in one trace. The exporter also reads OTEL_EXPORTER_OTLP_HEADERS and
 * OTEL_EXPORTER_OTLP_TIMEOUT. Called from instrumentation.ts at start-up.
 *
 * Returns the provider, or null when tracing is off.
 */
export function startTracing(
  env: Record<string, string | undefined> = process.env,
): NodeTracerProvider | null {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim().replace(/\/+$/, "");
  if (!endpoint) return null;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      "service.name": env.OTEL_SERVICE_NAME?.trim() || "wink-console",
    }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint}/v1/traces` })),
    ],
  });
  provider.register();
  // Spans still in the batch go out before Next.js exits on the signal (best effort).
  for (const signal of ["SIGTERM", "SIGINT"] as const)
    process.once(signal, () => void provider.forceFlush().catch(() => {}));
  return provider;
}
