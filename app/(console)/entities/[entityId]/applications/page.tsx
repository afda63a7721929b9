import type { Metadata } from "next";
import { WinkErrorPanel } from "@/components/feedback/wink-error-panel";
import { requirePageAccess } from "@/lib/auth/guard";
import { loadEntities } from "@/lib/entities";
import { getWinkClient, isWinkError } from "@/lib/wink";

export const metadata: Metadata = { title: "Applications" };

export default async function ApplicationsPage({
  params,
}: {
  params: Promise<{ entityId: string }>;
}) {
  const { entityId } = await params;
  const here = `/entities/${encodeURIComponent(entityId)}/applications`;
  await requirePageAccess(here);
  const entity = (await loadEntities()).find((candidate) => candidate.id === entityId);

  let count: number;
  try {
    count = (await getWinkClient().listApplications(entityId)).length;
  } catch (error) {
    if (!isWinkError(error)) throw error;
    return (
      <WinkErrorPanel
        title="The applications could not be loaded"
        message={error.safeMessage}
        requestId={error.requestId}
        retryHref={here}
      />
    );
  }

  return (
    <section aria-labelledby="applications-heading" className="space-y-2">
      <p className="text-sm text-slate-600">{entity?.name}</p>
      <h1 id="applications-heading" className="text-2xl font-semibold">
        Applications
      </h1>
      <p data-testid="application-count">
        {count === 1 ? "1 application" : `${count} applications`}
      </p>
    </section>
  );
}
