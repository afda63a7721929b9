import { expect, type APIRequestContext } from "@playwright/test";
import { actionNamed, postAction, type ActionAnswer } from "./consoles";
import { E2E } from "./ports";
import { SANDBOX_ENTITY_ID } from "./sandbox";
import { listInSandbox } from "./wink";

/**
 * Audit events made the way admins make them: the console's own server actions, POSTed with the
 * signed-in person's cookies and the console's Origin, exactly as its pages send them. Each call is
 * a real change (or a real refusal) that Wink and the pipeline see; the events follow from it.
 */

export interface EditableApplication {
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  scopes: string[];
  iconIdentifier: null;
}

export interface CreatedApp {
  id: string;
  name: string;
  clientId: string;
  /** Shown once by the create: the export must never carry it. */
  secretKey: string;
}

let submissions = 0;
/** A fresh id for the replay guard (16 to 64 of `[\w-]`). */
export const submissionId = () =>
  `activity-${Date.now().toString(36)}-${process.pid}-${++submissions}`.padEnd(24, "x");

const call = (request: APIRequestContext, name: string, args: unknown[]) =>
  postAction(request, E2E.consoleUrl, actionNamed(name), args);

/** Creates an application through the console; returns it as Wink lists it, with its secret. */
export async function createApp(
  request: APIRequestContext,
  input: EditableApplication & { clientType: "WEB" | "MACHINE_2_MACHINE" },
): Promise<CreatedApp> {
  const response = await request.post(
    `${E2E.consoleUrl}/entities/${SANDBOX_ENTITY_ID}/applications`,
    {
      headers: {
        "Next-Action": actionNamed("createApplication").id,
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
        Origin: E2E.consoleUrl,
      },
      data: JSON.stringify([SANDBOX_ENTITY_ID, submissionId(), input]),
      maxRedirects: 0,
    },
  );
  const body = await response.text();
  expect(body, "the create succeeded").toContain('"ok":true');
  const secretKey = /"secretKey":"([^"]+)"/.exec(body)?.[1];
  expect(secretKey, "the create showed a secret").toBeTruthy();
  const listed = (await listInSandbox()).find((application) => application.name === input.name);
  expect(listed, "Wink lists the new application").toBeTruthy();
  return { id: listed!.id, name: listed!.name, clientId: listed!.clientId, secretKey: secretKey! };
}

/** Saves the whole editable object. */
export const updateApp = (request: APIRequestContext, id: string, input: EditableApplication) =>
  call(request, "updateApplication", [SANDBOX_ENTITY_ID, id, submissionId(), input]);

export const rotateApp = (
  request: APIRequestContext,
  app: { id: string; name: string; clientId: string },
): Promise<ActionAnswer> =>
  call(request, "rotateApplicationCredentials", [
    SANDBOX_ENTITY_ID,
    app.id,
    submissionId(),
    app.name,
    app.clientId,
  ]);

export const deleteApp = (request: APIRequestContext, app: { id: string; name: string }) =>
  call(request, "deleteApplication", [SANDBOX_ENTITY_ID, app.id, submissionId(), app.name]);
