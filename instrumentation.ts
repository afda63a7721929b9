/**
 * Runs once when a console server starts: settings are validated then, so that a missing or
 * malformed one stops the process at once with a message naming it, instead of failing later on
 * the first request that needs it. Then the console's part of a graceful stop is added beside
 * Next.js's own SIGTERM handling (lib/lifecycle/shutdown.ts). With OTEL_EXPORTER_OTLP_ENDPOINT
 * set, traces are exported first of all (lib/telemetry/setup.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads this file too; settings belong to the server that runs, not to the build.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { startTracing } = await import("./lib/telemetry/setup");
    startTracing();
  }
  const { validateSettingsOrExit } = await import("./lib/startup");
  validateSettingsOrExit();
  const { installShutdownHandlers } = await import("./lib/lifecycle/shutdown");
  installShutdownHandlers();
}
