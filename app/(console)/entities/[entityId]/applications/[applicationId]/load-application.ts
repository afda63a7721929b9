import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { toPublicApplication } from "@/lib/applications/list";
import { isKnownEntity } from "@/lib/entities";
import { getWinkClient, type Application } from "@/lib/wink";
import { isPlausibleApplicationId } from "@/lib/applications/routes";

/**
 * The application as Wink has it now, for the pages (the title and the body share one read per
 * request). Ids the console cannot work on are a 404 here, before Wink is asked; a 404 from Wink is
 * the caller's to turn into `notFound()`. Other failures throw the WinkError.
 */
export const loadApplication = cache(
  async (entityId: string, applicationId: string): Promise<Application> => {
    if (!(await isKnownEntity(entityId))) notFound();
    if (!isPlausibleApplicationId(applicationId)) notFound();
    // Only the members the console shows cross to the browser (see lib/applications/list.ts).
    return toPublicApplication(await getWinkClient().getApplication(entityId, applicationId));
  },
);
