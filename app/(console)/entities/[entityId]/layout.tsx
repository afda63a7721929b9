import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { WinkErrorPanel } from "@/components/feedback/wink-error-panel";
import { requirePageAccess } from "@/lib/auth/guard";
import { loadEntities } from "@/lib/entities";
import { isWinkError } from "@/lib/wink";
import { Toaster } from "@/components/ui/toast";
import { ConsoleFrame } from "../../_components/console-frame";
import { QueryProvider } from "../../_components/query-provider";

/** The signed-in shell around every page of one managing entity. */
export default async function EntityLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ entityId: string }>;
}) {
  const { entityId } = await params;
  const viewer = await requirePageAccess(`/entities/${encodeURIComponent(entityId)}/applications`);
  let entities;
  try {
    entities = await loadEntities();
  } catch (error) {
    if (!isWinkError(error)) throw error;
    return (
      <ConsoleFrame viewer={viewer}>
        <WinkErrorPanel
          title="The console cannot reach your Wink account"
          message={error.safeMessage}
          requestId={error.requestId}
          retryHref={`/entities/${encodeURIComponent(entityId)}/applications`}
        />
      </ConsoleFrame>
    );
  }
  // Only entities the console's credential can see (or the pinned one) have pages: an id typed
  // into the URL is not taken on trust.
  if (!entities.some((entity) => entity.id === entityId)) notFound();

  return (
    <ConsoleFrame viewer={viewer} entities={entities} currentEntityId={entityId}>
      <QueryProvider>
        {children}
        <Toaster />
      </QueryProvider>
    </ConsoleFrame>
  );
}
