import { notFound } from "next/navigation";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import { Toaster } from "@/components/ui/toaster";
import { requirePageAccess } from "@/lib/auth/guard";
import { ConsoleFrame } from "@/components/shell/console-frame";
import { loadEntitiesForShell } from "@/components/shell/load-entities-for-shell";
import { QueryProvider } from "@/components/shell/query-provider";
import { applicationsPath } from "@/lib/applications/routes";
import { signOutEverywhere } from "@/app/(auth)/actions";

/** The signed-in shell around every page of one managing entity. */
export default async function EntityLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ entityId: string }>;
}) {
  const { entityId } = await params;
  const viewer = await requirePageAccess(applicationsPath(entityId));
  const loaded = await loadEntitiesForShell(
    { viewer, signOutAction: signOutEverywhere },
    applicationsPath(entityId),
  );
  if (loaded.failure) return loaded.failure;
  const { entities } = loaded;
  // Only entities the console's credential can see (or the pinned one) have pages: an id typed
  // into the URL is not taken on trust.
  if (!entities.some((entity) => entity.id === entityId)) notFound();

  return (
    <ConsoleFrame
      viewer={viewer}
      entities={entities}
      currentEntityId={entityId}
      signOutAction={signOutEverywhere}
    >
      <NuqsAdapter>
        <QueryProvider>
          {children}
          <Toaster />
        </QueryProvider>
      </NuqsAdapter>
    </ConsoleFrame>
  );
}
