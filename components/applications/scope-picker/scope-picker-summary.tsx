"use client";

import type { ClientType } from "@/lib/wink-contract/schemas";
import { summarizeScopes } from "@/lib/wink-contract/scopes";
import { cn } from "@/lib/utils";
import { describeScopes } from "@/components/applications/display/scope-summary";

/** The live total under the picker: polite, so it waits until the screen reader is idle. */
export function ScopePickerSummary({
  scopes,
  clientType,
  id,
}: {
  scopes: readonly string[];
  /** Known on create; undefined on edit (Wink does not return it). */
  clientType?: ClientType;
  id?: string;
}) {
  const { byRisk, unknown } = summarizeScopes(scopes);
  return (
    <div className="grid gap-1 text-sm">
      <p
        id={id}
        role="status"
        aria-live="polite"
        className={cn("font-medium", byRisk.high > 0 ? "text-risk-high" : "text-foreground")}
      >
        {describeScopes(scopes, clientType)}
      </p>
      {unknown.length > 0 ? (
        <p className="text-muted-foreground">
          Also kept, not in the catalogue:{" "}
          {unknown.map((scope, index) => (
            <span key={scope}>
              {index > 0 ? ", " : null}
              <code className="font-mono text-xs">
                <bdi>{scope}</bdi>
              </code>
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
