import "server-only";
import type { ReactElement } from "react";
import { WinkErrorPanel } from "@/components/feedback/wink-error-panel";
import type { Role } from "@/lib/auth/roles";
import { loadEntities, type EntityOption } from "@/lib/entities";
import { isWinkError } from "@/lib/wink";
import { ConsoleFrame } from "./console-frame";

/**
 * The entities for the shell, or, when Wink cannot list them, the page to show instead: the shell
 * (for `viewer`, signing out through `signOutAction`) with the reason in plain words and a link to
 * `retryHref` to try again. Errors other than Wink's are thrown on.
 */
export async function loadEntitiesForShell(
  shell: {
    viewer: { email: string; name: string | null; role: Role };
    signOutAction: () => Promise<void>;
  },
  retryHref: string,
): Promise<{ entities: EntityOption[]; failure?: never } | { failure: ReactElement }> {
  try {
    return { entities: await loadEntities() };
  } catch (error) {
    if (!isWinkError(error)) throw error;
    return {
      failure: (
        <ConsoleFrame viewer={shell.viewer} signOutAction={shell.signOutAction}>
          <WinkErrorPanel
            title="The console cannot reach your Wink account"
            message={error.safeMessage}
            requestId={error.requestId}
            retryHref={retryHref}
          />
        </ConsoleFrame>
      ),
    };
  }
}
