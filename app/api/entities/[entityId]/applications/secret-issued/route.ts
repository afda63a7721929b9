import { and, eq } from "drizzle-orm";
import { authorizeRequest } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/connection";
import { applicationRecords } from "@/lib/db/schema";

export const dynamic = "force-dynamic";

const DAY_MS = 24 * 60 * 60 * 1000;

/** `{ applicationId, daysAgo }` if that is what `body` is: a whole number of days up to ten years. */
function readBody(body: unknown): { applicationId: string; daysAgo: number } | null {
  if (typeof body !== "object" || body === null) return null;
  const { applicationId, daysAgo } = body as Record<string, unknown>;
  if (typeof applicationId !== "string" || applicationId === "" || applicationId.length > 200) {
    return null;
  }
  if (typeof daysAgo !== "number" || !Number.isInteger(daysAgo) || daysAgo < 0 || daysAgo > 3650) {
    return null;
  }
  return { applicationId, daysAgo };
}

/**
 * POST `{ applicationId, daysAgo }`: dates the secret of an application in the console's record
 * `daysAgo` days back, for the end-to-end tests of the list's due and overdue words, which cannot
 * open the console's embedded database themselves (one process per directory). Off, answering 404
 * like any unknown path, unless the console was started with CONSOLE_TEST_AUDIT_SEED=1 (the e2e
 * console's switch for its test-only seeding routes); even then only for an admin. 404 when the
 * record has no such application (the list reconciles it on its first read).
 */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ entityId: string }> },
): Promise<Response> {
  if (process.env.CONSOLE_TEST_AUDIT_SEED !== "1") return new Response(null, { status: 404 });
  const authorization = await authorizeRequest("change");
  if (authorization.refusal) return authorization.refusal;
  const { entityId } = await params;
  const body = readBody(await request.json().catch(() => null));
  if (!body) return Response.json({ error: "Malformed request." }, { status: 400 });
  const updated = await getDb()
    .update(applicationRecords)
    .set({ secretIssuedAt: new Date(Date.now() - body.daysAgo * DAY_MS) })
    .where(
      and(
        eq(applicationRecords.entityId, entityId),
        eq(applicationRecords.applicationId, body.applicationId),
      ),
    )
    .returning({ applicationId: applicationRecords.applicationId });
  if (updated.length === 0) return Response.json({ error: "No such record." }, { status: 404 });
  return Response.json({ ok: true });
}
