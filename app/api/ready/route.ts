import { getWinkClient, isWinkError } from "@/lib/wink";

export const dynamic = "force-dynamic";

/**
 * Readiness: 200 when the console can obtain a token with its credential (a cached one counts),
 * 503 with the reason otherwise. Public, like /api/health: it says whether Wink accepts the
 * console, never anything about the credential itself.
 */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  try {
    await getWinkClient().checkCredential();
    return Response.json({ ready: true }, { headers });
  } catch (error) {
    const reason = isWinkError(error) ? error.safeMessage : "The console's settings are not valid.";
    return Response.json({ ready: false, reason }, { status: 503, headers });
  }
}
