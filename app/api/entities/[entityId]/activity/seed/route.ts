import { z } from "zod";
import { ACTIVITY_ACTIONS, ACTIVITY_OUTCOMES } from "@/lib/audit/activity-filters";
import { appendAuditEvent } from "@/lib/audit/write";
import { authorizeRequest } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

const text = z.string().max(500).nullable().optional();
const list = z.object({ added: z.array(z.string()), removed: z.array(z.string()) });
const seedSchema = z.object({
  events: z
    .array(
      z.object({
        actor: z.object({ email: z.string().max(200), name: text, role: z.string().max(20) }),
        action: z.enum(ACTIVITY_ACTIONS),
        outcome: z.enum(ACTIVITY_OUTCOMES),
        applicationId: text,
        applicationName: text,
        clientId: text,
        winkStatus: z.number().int().nullable().optional(),
        winkRequestId: text,
        reason: text,
        changes: z
          .object({
            name: z.object({ from: z.string(), to: z.string() }).optional(),
            scopes: list.optional(),
            redirectUris: list.optional(),
            postLogoutRedirectUris: list.optional(),
          })
          .nullable()
          .optional(),
      }),
    )
    .max(500),
});

/**
 * POST: appends audit events to the entity's history, for the end-to-end tests of the activity
 * page, which cannot open the console's embedded database themselves (one process per directory).
 * Off, answering 404 like any unknown path, unless the console was started with
 * CONSOLE_TEST_AUDIT_SEED=1; even then only for an admin, from the console's own origin. The events
 * go through the same hash-chained writer as every other, so the chain stays whole.
 */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ entityId: string }> },
): Promise<Response> {
  if (process.env.CONSOLE_TEST_AUDIT_SEED !== "1") return new Response(null, { status: 404 });
  const authorization = await authorizeRequest("change");
  if (authorization.refusal) return authorization.refusal;
  const { entityId } = await params;
  const parsed = seedSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "Malformed events." }, { status: 400 });
  const ids: number[] = [];
  for (const event of parsed.data.events) {
    ids.push((await appendAuditEvent({ ...event, entityId })).id);
  }
  return Response.json({ ids });
}
