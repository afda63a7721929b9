import { pingDatabase } from "@/lib/db/connection";
import { isDraining } from "@/lib/lifecycle/shutdown";
import { log } from "@/lib/log";
import { getWinkClient, isWinkError } from "@/lib/wink";

export const dynamic = "force-dynamic";

/**
 * Readiness: 200 when the console's database answers and the console can obtain a token with its
 * credential (a cached one counts), 503 with the reason otherwise. Public, like /api/health: it
 * says what is wrong in plain words, never anything about the credential or the database's address.
 * The database comes first: without it the console refuses every change (the guards and the audit
 * history live there).
 */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  // A copy that is shutting down finishes what it has but takes nothing new.
  if (isDraining()) {
    return Response.json(
      { ready: false, reason: "The console is shutting down." },
      { status: 503, headers },
    );
  }
  try {
    await pingDatabase();
  } catch (error) {
    // The driver's message may name the host and user: it goes to the (redacted) log only.
    // Drizzle wraps it in "Failed query: select 1"; the operator needs the cause.
    const cause = error instanceof Error && error.cause ? error.cause : error;
    log.warn("ready.database-unreachable", { error: String(cause) });
    return Response.json(
      { ready: false, reason: "The console's database is unreachable." },
      { status: 503, headers },
    );
  }
  try {
    await getWinkClient().checkCredential();
    return Response.json({ ready: true }, { headers });
  } catch (error) {
    const reason = isWinkError(error) ? error.safeMessage : "The console's settings are not valid.";
    return Response.json({ ready: false, reason }, { status: 503, headers });
  }
}
