import "server-only";
import type { ReactElement } from "react";
import { WinkErrorPanel } from "@/components/feedback/wink-error-panel";
import type { Role } from "@/lib/auth/roles";
import { loadEntities, type EntityOption } from "@/lib/entities";
import { isWinkError } from "@/lib/wink";
import { ConsoleFrame } from "./console-frame";

/**
 * The entities for the shell, or, when Wink cannot list them, the page to show instead: the shell
 * with the reason in plain words and a way to try again.
 */
export async function loadEntitiesForShell(
  viewer: { email: string; name: string | null; role: Role },
  retryHref: string,
): Promise<{ entities: EntityOption[]; failure?: never } | { failure: ReactElement }> {
  try {
    return { entities: await loadEntities() };
  } catch (error) {
    if (!isWinkError(error)) throw error;
    return {
      failure: (
        <ConsoleFrame viewer={viewer}>
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
