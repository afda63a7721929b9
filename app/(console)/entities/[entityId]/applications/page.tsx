import type { Metadata } from "next";
import { Suspense } from "react";
import { ApplicationList } from "@/components/applications/list/application-list";
import type { ListFailure } from "@/components/applications/data/use-applications-query";
import { loadApplicationPage } from "@/lib/applications/list";
import type { ApplicationListPage } from "@/lib/applications/list-page";
import { parseListParams } from "@/lib/applications/list-params";
import { requirePageAccess } from "@/lib/auth/guard";
import { loadEntities } from "@/lib/entities";
import { getEnv } from "@/lib/env";
import { getWinkClient, isWinkError } from "@/lib/wink";
import { ApplicationsSkeleton } from "./_components/applications-skeleton";
import { CreateApplicationDialog } from "./_components/create-application-dialog";
import { applicationsPath } from "@/lib/applications/routes";

export const metadata: Metadata = { title: "Applications" };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The list renders on the server with the page of it the URL asks for (react-query's initial
 * data); later views (search, filters, sort, paging) come from
 * /api/entities/[entityId]/applications, one page at a time, so the HTML stays small at any list
 * size. The layout has already checked that the entity is one the console's credential can see.
 */
export default function ApplicationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ entityId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  return (
    <Suspense fallback={<ApplicationsSkeleton />}>
      <ApplicationsContent params={params} searchParams={searchParams} />
    </Suspense>
  );
}

async function ApplicationsContent({
  params,
  searchParams,
}: {
  params: Promise<{ entityId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { entityId } = await params;
  const viewer = await requirePageAccess(applicationsPath(entityId));
  const view = parseListParams(await searchParams);
  // The list and the entities (for the heading) are read at once: one Wink round trip, not two.
  // A page render asks Wink afresh: a navigation shows the list as it is now.
  const listing = loadApplicationPage(entityId, view, { fresh: true }).then(
    (page): { page: ApplicationListPage } => ({ page }),
    (error: unknown): { failure: ListFailure } => {
      if (!isWinkError(error)) throw error;
      return {
        failure: {
          message: error.safeMessage,
          ...(error.requestId ? { requestId: error.requestId } : {}),
        },
      };
    },
  );
  // When Wink cannot list the entities, the layout shows why instead of this page.
  const entities = await loadEntities().catch((error: unknown) => {
    if (isWinkError(error)) return [];
    throw error;
  });
  const entity = entities.find((candidate) => candidate.id === entityId);
  const loaded = await listing;

  return (
    <section aria-labelledby="applications-heading" className="space-y-6">
      <div className="space-y-1">
        {entity ? (
          <p className="text-sm text-muted-foreground">
            <bdi>{entity.name}</bdi>
          </p>
        ) : null}
        <h1 id="applications-heading" className="text-2xl font-semibold text-foreground">
          Applications
        </h1>
        <p className="text-sm text-muted-foreground">
          The OAuth2 clients that sign users in with Wink or call the Wink API for this account.
        </p>
      </div>
      <ApplicationList
        entityId={entityId}
        initialPage={"page" in loaded ? loaded.page : undefined}
        initialView={view}
        initialError={"failure" in loaded ? loaded.failure : undefined}
        canChange={viewer.role === "admin"}
        consoleClientId={getWinkClient().clientId}
        createAction={
          viewer.role === "admin" ? (
            <CreateApplicationDialog entityId={entityId} tokenUrl={getEnv().wink.tokenUrl} />
          ) : undefined
        }
      />
    </section>
  );
}
