import { cn } from "@/lib/utils";
import type { AuditChanges, ListChange } from "@/lib/audit/write";
import { isScope, scopeRisk, type ScopeRisk } from "@/lib/wink-contract/scopes";

// No "use client": read-only, rendered by server components.

const RISK_TEXT: Record<ScopeRisk, string> = {
  high: "text-risk-high",
  medium: "text-risk-medium",
  low: "text-risk-low",
};

/**
 * What an update changed: the name, scopes added and removed (an added scope coloured by its risk,
 * lib/wink-contract/scopes.ts), redirect and post-logout URIs added and removed. Every value came
 * from an admin or from Wink, so each is isolated in a <bdi>.
 */
export function EventChanges({ changes }: { changes: AuditChanges | null }) {
  if (!changes) return null;
  const { name, scopes, redirectUris, postLogoutRedirectUris } = changes;
  return (
    <dl className="mt-1 grid gap-1 text-xs" data-testid="event-changes">
      {name ? (
        <div>
          <dt className="inline text-muted-foreground">Name: </dt>
          <dd className="inline text-body">
            <bdi>{name.from}</bdi> → <bdi>{name.to}</bdi>
          </dd>
        </div>
      ) : null}
      <ListChanges label="Scopes" change={scopes} scopes />
      <ListChanges label="Redirect URIs" change={redirectUris} />
      <ListChanges label="Post-logout URIs" change={postLogoutRedirectUris} />
    </dl>
  );
}

function ListChanges({
  label,
  change,
  scopes = false,
}: {
  label: string;
  change: ListChange | undefined;
  scopes?: boolean;
}) {
  if (!change || (!change.added.length && !change.removed.length)) return null;
  const riskOf = (value: string) => (scopes && isScope(value) ? scopeRisk(value) : null);
  return (
    <div>
      <dt className="text-muted-foreground">{label}</dt>
      <dd>
        <ul className="flex flex-wrap gap-x-3 gap-y-0.5">
          {change.added.map((value) => {
            const risk = riskOf(value);
            return (
              <li
                key={`+${value}`}
                className={cn("font-mono", risk ? RISK_TEXT[risk] : "text-body")}
              >
                <span aria-hidden="true">+</span>
                <span className="sr-only">added{risk ? ` (${risk} risk)` : ""}: </span>
                <bdi>{value}</bdi>
              </li>
            );
          })}
          {change.removed.map((value) => (
            <li key={`-${value}`} className="font-mono text-body line-through">
              <span aria-hidden="true">−</span>
              <span className="sr-only">removed: </span>
              <bdi>{value}</bdi>
            </li>
          ))}
        </ul>
      </dd>
    </div>
  );
}
