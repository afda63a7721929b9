import { findApplicationWithSameName, loadApplicationPage } from "@/lib/applications/list";
import { parseListParams } from "@/lib/applications/list-params";
import { authorizeRequest } from "@/lib/auth/guard";
import { loadEntities } from "@/lib/entities";
import { isWinkError, type WinkError } from "@/lib/wink";

// Per-user data read at request time: never prerendered, never cached.
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" } as const;
// Well past the longest name the form takes (NAME_MAX_LENGTH), so that a name Wink holds from
// elsewhere can still be matched, while a URL of any length is not read through.
const MAX_NAME_QUERY = 1_000;

/**
 * GET: one page of the entity's applications joined with the console's record, with the counts
 * and the rotation summary (`ApplicationListPage`, lib/applications/list-page.ts), for the view the
 * query string names (the list page's own URL parameters, lib/applications/list-params.ts;
 * anything invalid reads as the default). It asks Wink, unless `cached=1` says that the process's
 * copy of a few seconds ago will do (a view change in the browser: a search keystroke, a sort, a
 * page turn; lib/applications/list-copy.ts).
 * With `sameName=NAME`, instead: `{ sameName: string | null }`, the name of an application of the
 * entity, on any page and whatever the view, that reads the same as NAME (the create form's warning,
 * lib/applications/same-name.ts), answered from that copy while it is a few seconds old; a NAME
 * longer than any name could be is 400.
 * Session-checked here (the proxy is not the guard), and only entities the console's credential
 * can see answer: an id typed into the URL is not taken on trust.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ entityId: string }> },
): Promise<Response> {
  const authorization = await authorizeRequest("read");
  if (authorization.refusal) return authorization.refusal;

  const { entityId } = await params;
  const search = new URL(request.url).searchParams;
  const view = parseListParams(search);
  const fresh = search.get("cached") !== "1";
  const sameName = search.get("sameName");
  if (sameName !== null && sameName.length > MAX_NAME_QUERY) {
    return Response.json({ error: "The name is too long." }, { status: 400, headers: NO_STORE });
  }
  try {
    // Both reads at once, so a refetch costs one Wink round trip; the list of an entity the
    // credential cannot see is thrown away unread.
    const answer =
      sameName === null
        ? loadApplicationPage(entityId, view, { fresh })
        : findApplicationWithSameName(entityId, sameName).then((existing) => ({
            sameName: existing,
          }));
    const [entities, applications] = await Promise.all([
      loadEntities(),
      answer.catch((error: unknown) => error as Error),
    ]);
    if (!entities.some((entity) => entity.id === entityId)) {
      return Response.json(
        { error: "There is no managing entity with this id." },
        { status: 404, headers: NO_STORE },
      );
    }
    if (applications instanceof Error) throw applications;
    // `recordUnavailable`: Wink's data alone, the console's record could not be read.
    return Response.json(applications, { headers: NO_STORE });
  } catch (error) {
    if (!isWinkError(error)) throw error;
    return upstreamFailure(error);
  }
}

/** Wink's failure in words safe to show (no secret, token or header), with its request id. */
function upstreamFailure(error: WinkError): Response {
  return Response.json(
    { error: error.safeMessage, requestId: error.requestId },
    { status: error.kind === "timeout" ? 504 : 502, headers: NO_STORE },
  );
}
