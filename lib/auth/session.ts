import "server-only";
import { cache } from "react";
import { getEnv } from "@/lib/env";
import { isSessionRevoked } from "@/lib/guards";
import { log } from "@/lib/log";
import { auth } from "./config";
import { roleFor, type Role } from "./roles";

/** The person behind a request: who signed in, and what the access lists make of them. */
export interface Viewer {
  email: string;
  name: string | null;
  /** null: signed in, but on neither list. */
  role: Role | null;
  /**
   * Set when the database could not say whether this session was signed out. Reads go on (Wink
   * is the source of what is shown); changes are refused (lib/auth/guard.ts), as they are anyway
   * while the replay guard and the audit are out of reach.
   */
  sessionUnchecked?: true;
}

/**
 * The signed-in person of this request, or null when anonymous or signed out. Memoised per request.
 *
 * Signed out means on any console process: the session's id is looked up in the revocation list
 * (one primary-key read; lib/auth/config.ts says why not database sessions). A session without an
 * id was issued before sign-out could end sessions, and is refused. The role is computed from the
 * access lists on every request, so removing someone from CONSOLE_ADMINS takes effect at once.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const email = session?.user?.email;
  if (!session || typeof email !== "string") return null;
  const sessionId = session.sessionId;
  if (typeof sessionId !== "string" || !sessionId) return null;
  let unchecked = false;
  try {
    if (await isSessionRevoked(sessionId)) return null;
  } catch (error) {
    log.error("auth.session.revocation-unchecked", { error });
    unchecked = true;
  }
  const { access } = getEnv();
  return {
    email,
    name: session.user?.name ?? null,
    role: roleFor(email, access),
    ...(unchecked ? { sessionUnchecked: true as const } : {}),
  };
});
