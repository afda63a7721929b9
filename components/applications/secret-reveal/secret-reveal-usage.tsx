"use client";

import { Alert } from "@/components/ui/alert";
import { envBlock, tokenRequest } from "@/lib/applications/credential-snippets";
import { SecretRevealSnippet } from "./secret-reveal-snippets";

export type ClientType = "WEB" | "SPA" | "MOBILE" | "MACHINE_2_MACHINE";

/** How to use the pair: a .env block for everyone, then advice that depends on the client type. */
export function SecretRevealUsage({
  clientId,
  secretKey,
  revealed,
  clientType,
  tokenUrl,
  scopes,
}: {
  clientId: string;
  secretKey: string;
  revealed: boolean;
  clientType?: ClientType;
  tokenUrl: string;
  scopes?: readonly string[];
}) {
  const publicClient = clientType === "SPA" || clientType === "MOBILE";
  // After a rotate the client type is unknown (Wink does not return it), so show the example too.
  const showTokenRequest = clientType === "MACHINE_2_MACHINE" || clientType === undefined;
  return (
    <div className="grid gap-4">
      {envBlock(clientId, secretKey) === null ? (
        // Loaders disagree on such a value (a $ is expanded by some, kept by others): a block that
        // one of them misreads would fail later as invalid_client, far from this dialog.
        <p className="text-sm text-muted-foreground" data-testid="env-block-omitted">
          No .env example for this secret: it has characters (such as $) that .env loaders read
          differently. Copy the secret on its own into your secret manager.
        </p>
      ) : (
        <SecretRevealSnippet
          heading=".env"
          description="For a server-side environment file or a secret manager."
          copyLabel=".env block"
          build={(secret) => envBlock(clientId, secret) ?? ""}
          secret={secretKey}
          revealed={revealed}
        />
      )}
      {showTokenRequest ? (
        <SecretRevealSnippet
          heading="Request a token"
          description="OAuth2 client credentials, from a server or a terminal."
          copyLabel="token request"
          build={(secret) => tokenRequest({ tokenUrl, clientId, secret, scopes })}
          secret={secretKey}
          revealed={revealed}
        />
      ) : null}
      {publicClient ? (
        <Alert variant="info" announce={false} title="Do not ship this secret in the app">
          {clientType === "SPA" ? "Single-page apps" : "Mobile apps"} sign in with the authorization
          code flow and PKCE, which needs no secret. Anything inside a browser bundle or an app
          package can be extracted, so keep the secret out of it.
        </Alert>
      ) : null}
      {clientType === "WEB" ? (
        <p className="text-sm text-muted-foreground">
          Keep the secret on your server: it authenticates your back end at the token endpoint and
          must never reach the browser.
        </p>
      ) : null}
      {clientType === undefined ? (
        <p className="text-sm text-muted-foreground">
          For a single-page or mobile app, never ship the secret in the app: they sign in with PKCE.
        </p>
      ) : null}
    </div>
  );
}
