"use server";

import { redirect } from "next/navigation";
import { parseActivityFilters } from "@/lib/audit/activity-filters";
import { activityPath } from "@/lib/applications/routes";
import { checkAuditChain } from "@/lib/audit/verify-cached";
import { authorize } from "@/lib/auth/guard";

/**
 * Walks the whole audit history's hash chain (O(n): about a second per 40,000 events) and returns
 * to the activity page, which shows the verdict. A read, so viewers may ask; it changes nothing but
 * this process's note of how far the chain held (lib/audit/verify-cached.ts).
 */
export async function verifyHistory(formData: FormData): Promise<void> {
  const authorization = await authorize("read");
  if (!authorization.ok) redirect("/sign-in");
  await checkAuditChain({ full: true });
  const entityId = formData.get("entityId");
  const query = formData.get("query");
  const filters = parseActivityFilters(new URLSearchParams(typeof query === "string" ? query : ""));
  redirect(typeof entityId === "string" && entityId ? activityPath(entityId, filters) : "/");
}
