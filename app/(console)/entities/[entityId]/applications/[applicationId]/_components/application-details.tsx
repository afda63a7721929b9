import { describeScopes, ScopeList } from "@/components/applications/display/scope-summary";
import { CardSection } from "@/components/ui/card-section";
import { CopyButton } from "@/components/ui/copy-button";
import { clientTypeFromRedirects } from "@/lib/applications/scope-words";
import type { Application } from "@/lib/wink-contract/schemas";

/**
 * Everything Wink returns about the application, read-only. Never a secret: Wink returns none. Each
 * value from Wink is bidi-isolated, so none can reorder the labels around it.
 */
export function ApplicationDetails({ application }: { application: Application }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <CardSection title="Credentials" id="credentials-heading">
        <dl className="grid gap-4 text-sm">
          <div className="grid gap-1">
            <dt className="font-medium text-foreground">Client ID</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <code
                className="rounded bg-code px-2 py-1 font-mono text-sm break-all text-foreground"
                data-testid="client-id"
              >
                <bdi>{application.clientId || "—"}</bdi>
              </code>
              {application.clientId ? (
                <CopyButton value={application.clientId} label="client ID" size="sm" />
              ) : null}
            </dd>
          </div>
          <div className="grid gap-1">
            <dt className="font-medium text-foreground">Client secret</dt>
            <dd className="text-body">
              Not shown: Wink returns it only when the application is created or its credentials are
              rotated.
            </dd>
          </div>
          <div className="grid gap-1">
            <dt className="font-medium text-foreground">Application ID</dt>
            <dd>
              <code className="font-mono text-sm break-all text-code-foreground">
                {application.id}
              </code>
            </dd>
          </div>
          {application.userIdentifier ? (
            <div className="grid gap-1">
              <dt className="font-medium text-foreground">Created by (Wink user)</dt>
              <dd>
                <code className="font-mono text-sm break-all text-code-foreground">
                  <bdi>{application.userIdentifier}</bdi>
                </code>
              </dd>
            </div>
          ) : null}
          <div className="grid gap-1">
            <dt className="font-medium text-foreground">Icon</dt>
            <dd className="text-body">
              {application.iconIdentifier ? (
                <code className="font-mono text-sm break-all text-code-foreground">
                  <bdi>{application.iconIdentifier}</bdi>
                </code>
              ) : (
                "None"
              )}
            </dd>
          </div>
        </dl>
      </CardSection>

      <CardSection title="API scopes" id="scopes-heading">
        <p className="text-sm text-body" data-testid="scopes-summary">
          {describeScopes(application.scopes, clientTypeFromRedirects(application.redirectUris))}
        </p>
        <ScopeList scopes={application.scopes} />
      </CardSection>

      <CardSection title="Redirect URIs" id="redirect-uris-heading">
        <UriList
          uris={application.redirectUris}
          empty="None. Machine-to-machine applications have none; others cannot sign users in without one."
        />
      </CardSection>

      <CardSection title="Post-logout redirect URIs" id="post-logout-uris-heading">
        <UriList uris={application.postLogoutRedirectUris} empty="None." />
      </CardSection>
    </div>
  );
}

function UriList({ uris, empty }: { uris: readonly string[]; empty: string }) {
  if (uris.length === 0) return <p className="text-sm text-body">{empty}</p>;
  return (
    <ul className="grid gap-2">
      {uris.map((uri, index) => (
        <li key={`${index}-${uri}`} className="flex flex-wrap items-center gap-2">
          <code className="min-w-0 font-mono text-sm break-all text-code-foreground">
            <bdi>{uri}</bdi>
          </code>
        </li>
      ))}
    </ul>
  );
}
