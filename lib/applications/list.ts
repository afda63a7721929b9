import "server-only";
import { getWinkClient, type Application } from "@/lib/wink";

/**
 * The list of an entity's applications as it may leave the server: the page hands it to the
 * browser as react-query's initial data, and the route handler answers refetches with it.
 *
 * Only the members of `Application` are copied, one by one. The zod schema already drops what it
 * does not know, but this is the line the data crosses to the browser, so it is spelled out here:
 * a field added on Wink's side (or to the schema) must be chosen, not inherited.
 */
export async function loadApplications(entityId: string): Promise<Application[]> {
  const applications = await getWinkClient().listApplications(entityId);
  return applications.map(toPublicApplication);
}

/** The list with the moment it was read: react-query's `initialDataUpdatedAt` on the page. */
export async function loadApplicationsSnapshot(
  entityId: string,
): Promise<{ applications: Application[]; loadedAt: number }> {
  const applications = await loadApplications(entityId);
  return { applications, loadedAt: Date.now() };
}

export function toPublicApplication(application: Application): Application {
  const { id, userIdentifier, name, clientId, redirectUris, postLogoutRedirectUris } = application;
  return {
    id,
    ...(userIdentifier === undefined ? {} : { userIdentifier }),
    name,
    clientId,
    redirectUris,
    postLogoutRedirectUris,
    scopes: application.scopes,
    iconIdentifier: application.iconIdentifier,
  };
}
