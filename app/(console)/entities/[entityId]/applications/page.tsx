import type { Metadata } from "next";
import { Suspense } from "react";
import { ApplicationList } from "@/components/applications/list/application-list";
import type { ListFailure } from "@/components/applications/data/use-applications-query";
import { loadApplicationsSnapshot } from "@/lib/applications/list";
import { requirePageAccess } from "@/lib/auth/guard";
import { loadEntities } from "@/lib/entities";
import { getEnv } from "@/lib/env";
import type { ApplicationListData } from "@/lib/applications/listed-application";
import { getWinkClient, isWinkError } from "@/lib/wink";
import { ApplicationsSkeleton } from "./_components/applications-skeleton";
import { CreateApplicationDialog } from "./_components/create-application-dialog";
import { applicationsPath } from "@/lib/applications/routes";

export const metadata: Metadata = { title: "Applications" };

/**
 * The list renders on the server with the data (react-query's initial data), then the browser
 * refetches from /api/entities/[entityId]/applications. The layout has already checked that the
 * entity is one the console's credential can see.
 */
export default function ApplicationsPage({ params }: { params: Promise<{ entityId: string }> }) {
  return (
    <Suspense fallback={<ApplicationsSkeleton />}>
      <ApplicationsContent params={params} />
    </Suspense>
  );
}

async function ApplicationsContent({ params }: { params: Promise<{ entityId: string }> }) {
  const { entityId } = await params;
  const viewer = await requirePageAccess(applicationsPath(entityId));
  // The list and the entities (for the heading) are read at once: one Wink round trip, not two.
  const listing = loadApplicationsSnapshot(entityId).then(
    (snapshot): { snapshot: ApplicationListData & { loadedAt: number } } => ({ snapshot }),
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
  const applications: ApplicationListData | undefined =
    "snapshot" in loaded
      ? {
          applications: loaded.snapshot.applications,
          recordUnavailable: loaded.snapshot.recordUnavailable,
        }
      : undefined;
  const loadedAt = "snapshot" in loaded ? loaded.snapshot.loadedAt : 0;
  const failure = "failure" in loaded ? loaded.failure : undefined;

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
        initialApplications={applications}
        loadedAt={loadedAt}
        initialError={failure}
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
