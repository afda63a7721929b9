import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { isPlausibleApplicationId } from "@/lib/applications/routes";
import { isConsoleApplication } from "@/lib/applications/console-application";
import { recentAnswers } from "@/lib/applications/changes/recent-answers";
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
 *
 * Right after this process changed the application (a save, a rotate), Wink's answer to that change
 * is shown once instead of a second read; every page shown is noted for a delete confirmed on it
 * (lib/applications/changes/recent-answers.ts).
 */
export const loadApplicationForPage = cache(
  async (entityId: string, applicationId: string): Promise<LoadedApplication> => {
    if (!(await isKnownEntity(entityId))) notFound();
    if (!isPlausibleApplicationId(applicationId)) notFound();
    const wink = getWinkClient();
    const answers = recentAnswers();
    const changed = answers.takeChanged(entityId, applicationId);
    const observedAt = changed?.at ?? Date.now();
    try {
      const application = toPublicApplication(
        changed?.application ?? (await wink.getApplication(entityId, applicationId)),
      );
      answers.noteShown(entityId, application);
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
