import type { IncomingMessage, ServerResponse } from "node:http";

import type Provider from "oidc-provider";

import { readBody, writeResult } from "../http/io";
import { Router } from "../http/router";
import { errorPage, loginPage, pageResult } from "./pages";
import { findUserByEmail, SANDBOX_PASSWORD } from "./users";

type InteractionAction = "show" | "login" | "abort";

const routes = new Router<InteractionAction>()
  .add("GET", "/interaction/:uid", "show")
  .add("POST", "/interaction/:uid/login", "login")
  .add("POST", "/interaction/:uid/abort", "abort");

/**
 * The sign-in pages the provider sends admins to (`interactions.url`). Only the login prompt is
 * ever shown: consent for the console, a first-party client, is granted in `loadExistingGrant`.
 */
export function createInteractionHandler(provider: Provider, clientNames: Map<string, string>) {
  return async function handleInteraction(req: IncomingMessage, res: ServerResponse, url: URL) {
    const match = routes.match(req.method ?? "GET", url.pathname);
    if (match.kind !== "found") {
      return writeResult(res, pageResult(404, errorPage("Page not found", { path: url.pathname })));
    }

    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      return writeResult(
        res,
        pageResult(
          400,
          errorPage("This sign-in has expired", {
            reason: "The sign-in session was not found or has expired.",
          }),
        ),
      );
    }
    const clientId = String(details.params.client_id ?? "");
    const clientName = clientNames.get(clientId) ?? clientId;

    if (details.prompt.name !== "login") {
      const page = errorPage("Sign-in cannot continue", {
        reason: `This sandbox only signs people in to the console; "${details.prompt.name}" was asked for.`,
      });
      return writeResult(res, pageResult(400, page));
    }

    if (match.value === "show") {
      return writeResult(res, pageResult(200, loginPage({ uid: details.uid, clientName })));
    }
    if (match.value === "abort") {
      return provider.interactionFinished(
        req,
        res,
        { error: "access_denied", error_description: "The user cancelled the sign-in." },
        { mergeWithLastSubmission: false },
      );
    }

    const form = new URLSearchParams((await readBody(req, 16 * 1024)).toString("utf8"));
    const email = form.get("email") ?? "";
    const user = findUserByEmail(email);
    if (!user || form.get("password") !== SANDBOX_PASSWORD) {
      const page = loginPage({
        uid: details.uid,
        clientName,
        email,
        error: "That email and password do not match a sandbox account. Try again.",
      });
      return writeResult(res, pageResult(401, page));
    }
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.id } },
      { mergeWithLastSubmission: false },
    );
  };
}
