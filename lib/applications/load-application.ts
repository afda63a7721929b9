import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { isPlausibleApplicationId } from "@/lib/applications/routes";
import { isConsoleApplication } from "@/lib/applications/console-application";
import { toPublicApplication } from "@/lib/applications/list";
import { isKnownEntity } from "@/lib/entities";
import { getWinkClient, isWinkError, type Application } from "@/lib/wink";

/** What a page shows: the application, or why Wink could not give it (safe words, request id). */
export type LoadedApplication =
  | {
      ok: true;
      application: Application;
      isConsoleApplication: boolean;
      /** When Wink was asked (before the request): the record's reconcile needs it. */
      observedAt: number;
    }
  | { ok: false; message: string; requestId?: string };

/**
 * The application as Wink has it now, for the detail and edit pages (the title and the body share
 * one read per request). Ids the console cannot work on, and a 404 from Wink, are `notFound()`;
 * any other WinkError comes back as its safe message for the page's "could not be loaded" panel.
 * Only the members the console shows cross to the browser (see lib/applications/list.ts).
 */
export const loadApplicationForPage = cache(
  async (entityId: string, applicationId: string): Promise<LoadedApplication> => {
    if (!(await isKnownEntity(entityId))) notFound();
    if (!isPlausibleApplicationId(applicationId)) notFound();
    const wink = getWinkClient();
    const observedAt = Date.now();
    try {
      const application = toPublicApplication(await wink.getApplication(entityId, applicationId));
      return {
        ok: true,
        application,
        isConsoleApplication: isConsoleApplication(application, wink.clientId),
        observedAt,
      };
    } catch (error) {
      if (!isWinkError(error)) throw error;
      if (error.status === 404) notFound();
      return { ok: false, message: error.safeMessage, requestId: error.requestId };
    }
  },
);
