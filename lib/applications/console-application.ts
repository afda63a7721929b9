import type { Application } from "@/lib/wink";

/**
 * True when this is the application whose credential the console itself holds (WINK_CLIENT_ID):
 * rotating or deleting it would lock the console out of Wink, and editing it must keep the scopes
 * the console asks for. Pure: the caller passes the console's client ID (`WinkClient.clientId`).
 */
export function isConsoleApplication(
  application: Pick<Application, "clientId">,
  consoleClientId: string,
): boolean {
  return application.clientId !== "" && application.clientId === consoleClientId;
}
