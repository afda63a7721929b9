import { parseActivityFilters } from "@/lib/audit/activity-filters";
import { exportFilename, exportStream, type ExportFormat } from "@/lib/audit/export";
import { activityBatches } from "@/lib/audit/read";
import { authorizeRequest } from "@/lib/auth/guard";
import { isKnownEntity } from "@/lib/entities";
import { isWinkError } from "@/lib/wink";

// Per-user data read at request time: never prerendered, never cached.
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" } as const;

const FORMATS: Record<string, { format: ExportFormat; type: string }> = {
  "export.csv": { format: "csv", type: "text/csv; charset=utf-8; header=present" },
  "export.jsonl": { format: "jsonl", type: "application/jsonl; charset=utf-8" },
};

/**
 * GET /api/entities/:entityId/activity/export.csv (or .jsonl), with the activity page's filters in
 * the query: every event of the filtered view, newest first, streamed in keyset batches. A read:
 * viewers may export (auditors often are viewers). Only entities the console's credential can see
 * answer, as for the page.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ entityId: string; file: string }> },
): Promise<Response> {
  const authorization = await authorizeRequest("read");
  if (authorization.refusal) return authorization.refusal;

  const { entityId, file } = await params;
  const kind = FORMATS[file];
  if (!kind) {
    return Response.json(
      { error: "Export as export.csv or export.jsonl." },
      { status: 404, headers: NO_STORE },
    );
  }
  try {
    if (!(await isKnownEntity(entityId))) {
      return Response.json(
        { error: "There is no managing entity with this id." },
        { status: 404, headers: NO_STORE },
      );
    }
  } catch (error) {
    if (!isWinkError(error)) throw error;
    return Response.json(
      { error: error.safeMessage, requestId: error.requestId },
      { status: 502, headers: NO_STORE },
    );
  }
  const filters = parseActivityFilters(new URL(request.url).searchParams);
  const body = exportStream(activityBatches(entityId, filters), kind.format);
  const filename = exportFilename(entityId, kind.format);
  return new Response(body, {
    headers: {
      ...NO_STORE,
      "Content-Type": kind.type,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
