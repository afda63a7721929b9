import "server-only";
import { cache } from "react";
import { getEnv } from "@/lib/env";
import { auth } from "./config";
import { roleFor, type Role } from "./roles";

/** The person behind a request: who signed in, and what the access lists make of them. */
export interface Viewer {
  email: string;
  name: string | null;
  /** null: signed in, but on neither list. */
  role: Role | null;
}

/** The signed-in person of this request, or null when anonymous. Memoised per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const email = session?.user?.email;
  if (!session || typeof email !== "string") return null;
  const { access } = getEnv();
  return { email, name: session.user?.name ?? null, role: roleFor(email, access) };
});
