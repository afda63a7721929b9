import { redirect } from "next/navigation";
import { WinkErrorPanel } from "@/components/feedback/wink-error-panel";
import { ConsoleFrame } from "./_components/console-frame";
import { requirePageAccess } from "@/lib/auth/guard";
import { loadEntities } from "@/lib/entities";
import { isWinkError } from "@/lib/wink";

/** `/`: opens the first managing entity's applications, or says why it cannot. */
export default async function HomePage() {
  const viewer = await requirePageAccess("/");
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
          retryHref="/"
        />
      </ConsoleFrame>
    );
  }
  const first = entities[0];
  if (!first) {
    return (
      <ConsoleFrame viewer={viewer}>
        <h1 className="text-xl font-semibold">No managing entity</h1>
        <p className="mt-2 text-slate-700">
          The console&apos;s Wink credential does not own any managing entity, so there are no
          applications to manage. Check that WINK_CLIENT_ID belongs to the right Wink account.
        </p>
      </ConsoleFrame>
    );
  }
  redirect(`/entities/${encodeURIComponent(first.id)}/applications`);
}
