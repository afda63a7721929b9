import { redirect } from "next/navigation";
import { ConsoleFrame } from "@/components/shell/console-frame";
import { loadEntitiesForShell } from "@/components/shell/load-entities-for-shell";
import { requirePageAccess } from "@/lib/auth/guard";
import { applicationsPath } from "@/lib/applications/routes";
import { signOutEverywhere } from "@/app/(auth)/actions";

/** `/`: opens the first managing entity's applications, or says why it cannot. */
export default async function HomePage() {
  const viewer = await requirePageAccess("/");
  const loaded = await loadEntitiesForShell({ viewer, signOutAction: signOutEverywhere }, "/");
  if (loaded.failure) return loaded.failure;
  const first = loaded.entities[0];
  if (!first) {
    return (
      <ConsoleFrame viewer={viewer} signOutAction={signOutEverywhere}>
        <h1 className="text-xl font-semibold">No managing entity</h1>
        <p className="mt-2 text-body">
          The console&apos;s Wink credential does not own any managing entity, so there are no
          applications to manage. Check that WINK_CLIENT_ID belongs to the right Wink account.
        </p>
      </ConsoleFrame>
    );
  }
  redirect(applicationsPath(first.id));
}
