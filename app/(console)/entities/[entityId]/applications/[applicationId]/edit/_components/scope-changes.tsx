import { ScopeRiskBadge } from "@/components/applications/display/scope-summary";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import { hasScopeChanges, type ScopeChange, type ScopeDiff } from "@/lib/applications/scope-diff";

/** The scopes a save adds and removes, each with its risk, for review before saving. */
export function ScopeChanges({ diff, className }: { diff: ScopeDiff; className?: string }) {
  return (
    <section
      aria-labelledby="scope-changes-heading"
      className={cn("grid gap-2 rounded-lg border border-border bg-card p-4", className)}
    >
      <h3 id="scope-changes-heading" className="text-sm font-medium text-foreground">
        Scope changes
      </h3>
      {hasScopeChanges(diff) ? (
        <ul className="grid gap-1.5 text-sm" data-testid="scope-changes">
          {diff.added.map((change) => (
            <ChangeRow key={`+${change.scope}`} change={change} added />
          ))}
          {diff.removed.map((change) => (
            <ChangeRow key={`-${change.scope}`} change={change} added={false} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-body">No changes to scopes.</p>
      )}
    </section>
  );
}

const ADDED_TEXT = {
  high: "text-risk-high",
  medium: "text-risk-medium",
  low: "text-risk-low",
} as const;

function ChangeRow({ change, added }: { change: ScopeChange; added: boolean }) {
  return (
    <li className="flex flex-wrap items-center gap-2">
      <span
        aria-hidden="true"
        className={cn(
          "w-3 text-center font-mono font-semibold",
          added && change.risk ? ADDED_TEXT[change.risk] : "text-body",
        )}
      >
        {added ? "+" : "−"}
      </span>
      <span className="sr-only">{added ? "Added:" : "Removed:"}</span>
      <code
        className={cn(
          "font-mono text-xs",
          added && change.risk ? ADDED_TEXT[change.risk] : "text-body line-through",
          added ? "font-semibold" : null,
        )}
      >
        <bdi>{change.scope}</bdi>
      </code>
      {change.risk ? (
        <ScopeRiskBadge risk={change.risk} />
      ) : (
        <Badge variant="neutral">Not in the catalogue</Badge>
      )}
    </li>
  );
}
