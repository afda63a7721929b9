import { Bot } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { noScopesText } from "@/lib/applications/scope-words";
import { cn } from "@/lib/utils";
import type { ClientType } from "@/lib/wink-contract/schemas";
import {
  groupScopesBySection,
  summarizeScopes,
  type ScopeRisk,
  type SectionRisk,
} from "@/lib/wink-contract/scopes";

// No "use client": these are read-only and render in server components as well.

const SCOPE_RISK_TEXT: Record<ScopeRisk, string> = { low: "Low", medium: "Medium", high: "High" };

export function ScopeRiskBadge({ risk, className }: { risk: ScopeRisk; className?: string }) {
  return (
    <Badge variant={`risk-${risk}`} className={className}>
      {SCOPE_RISK_TEXT[risk]} risk
    </Badge>
  );
}

/** A section's catalogue risk is a range: reading sits at its low end, changing at its high end. */
export function SectionRiskBadge({ risk, className }: { risk: SectionRisk; className?: string }) {
  const high = risk === "medium-high";
  return (
    <Badge variant={high ? "risk-high" : "risk-low"} className={className}>
      {high ? "Medium–high risk" : "Low–medium risk"}
    </Badge>
  );
}

/**
 * "5 scopes, 2 high-risk", or what an application without scopes can do, in words that fit its
 * client type (`undefined` when it is not known: neutral words).
 */
export function describeScopes(
  scopes: readonly string[],
  clientType: ClientType | undefined,
): string {
  const { count, byRisk } = summarizeScopes(scopes);
  if (count === 0) return noScopesText(clientType);
  const total = `${count} ${count === 1 ? "scope" : "scopes"}`;
  return byRisk.high > 0 ? `${total}, ${byRisk.high} high-risk` : total;
}

/** Short summary for tables: "3 scopes · high", coloured by the highest risk. */
export function ScopeSummaryBadge({
  scopes,
  className,
}: {
  scopes: readonly string[];
  className?: string;
}) {
  const { count, highest } = summarizeScopes(scopes);
  if (count === 0) {
    return (
      <Badge variant="neutral" className={className}>
        No scopes
      </Badge>
    );
  }
  return (
    <Badge variant={highest ? `risk-${highest}` : "neutral"} className={className}>
      {count} {count === 1 ? "scope" : "scopes"}
      {highest ? (
        <>
          {" · "}
          {highest}
          <span className="sr-only"> risk</span>
        </>
      ) : null}
    </Badge>
  );
}

/**
 * Read-only list of an application's scopes, grouped by section, each with its risk. Renders
 * nothing for none: the summary above it (describeScopes) already says so.
 */
export function ScopeList({
  scopes,
  className,
}: {
  scopes: readonly string[];
  className?: string;
}) {
  const groups = groupScopesBySection(scopes);
  const { unknown } = summarizeScopes(scopes);
  if (groups.length === 0 && unknown.length === 0) return null;
  return (
    <ul className={cn("grid gap-2 text-sm", className)}>
      {groups.map(({ section, actions, risk }) => (
        <li key={section.id} className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="min-w-24 font-medium text-foreground">{section.label}</span>
          <span className="flex flex-wrap gap-1">
            {actions.map((action) => (
              <code
                key={action}
                className="rounded bg-code px-1.5 py-0.5 font-mono text-xs text-code-foreground"
              >
                {section.id}.{action}
              </code>
            ))}
          </span>
          <ScopeRiskBadge risk={risk} />
          {"agentOnly" in section ? (
            <Badge variant="info">
              <Bot aria-hidden="true" />
              AI-agent clients only
            </Badge>
          ) : null}
        </li>
      ))}
      {unknown.map((scope) => (
        <li key={scope} className="flex flex-wrap items-center gap-2">
          <code className="rounded bg-code px-1.5 py-0.5 font-mono text-xs text-code-foreground">
            <bdi>{scope}</bdi>
          </code>
          <Badge variant="neutral">Not in the catalogue</Badge>
        </li>
      ))}
    </ul>
  );
}
