"use client";

import { Bot, ShieldExclamationPoint } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import {
  SCOPE_ACTIONS,
  scopeLabel,
  type Scope,
  type ScopeSection,
} from "@/lib/wink-contract/scopes";
import { SectionRiskBadge } from "@/components/applications/display/scope-summary";

export interface ScopePickerRowProps {
  section: ScopeSection;
  /** Prefix for element ids, unique per picker. */
  idPrefix: string;
  selected: ReadonlySet<string>;
  onToggle(scope: Scope, on: boolean): void;
  disabled?: boolean;
}

export function checkboxId(idPrefix: string, scope: Scope): string {
  return `${idPrefix}-${scope.replace(".", "-")}`;
}

/** One section: its name and risk, what it unlocks, and a checkbox per action. */
export function ScopePickerRow({
  section,
  idPrefix,
  selected,
  onToggle,
  disabled,
}: ScopePickerRowProps) {
  const scope = (action: (typeof SCOPE_ACTIONS)[number]) => `${section.id}.${action}` as Scope;
  const read = scope("read");
  const high = section.risk === "medium-high";
  const noteId = `${idPrefix}-${section.id}-note`;
  // Write or remove without read is legitimate (a write-only webhook sender), so read is never
  // added behind the admin's back; it is offered, one click away.
  const offerRead =
    !selected.has(read) && (selected.has(scope("write")) || selected.has(scope("remove")));

  function addRead() {
    // Focus the read checkbox first: the offer disappears once read is ticked, and focus must not
    // fall back to the top of the page.
    document.getElementById(checkboxId(idPrefix, read))?.focus();
    onToggle(read, true);
  }

  return (
    <TableRow className={cn(high && "bg-risk-high-background/60")}>
      <TableHead scope="row" className="h-auto py-3 align-top whitespace-normal">
        <span className="grid justify-items-start gap-1">
          <span className="font-semibold text-foreground">{section.label}</span>
          <SectionRiskBadge risk={section.risk} />
        </span>
      </TableHead>
      <TableCell className="py-3 align-top">
        <p className="text-body">{section.unlocks}</p>
        {"riskNote" in section ? (
          <p id={noteId} className="mt-1 flex gap-1.5 font-medium text-risk-high">
            <ShieldExclamationPoint className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
            {section.riskNote}
          </p>
        ) : null}
        {"agentOnly" in section ? (
          <Badge variant="info" className="mt-1">
            <Bot aria-hidden="true" />
            AI-agent clients only
          </Badge>
        ) : null}
        {offerRead ? (
          <p className="mt-1 text-body">
            Without read, it cannot view what it changes.{" "}
            <Button variant="link" size="sm" onClick={addRead} disabled={disabled} type="button">
              Add {scopeLabel(read)}
            </Button>
          </p>
        ) : null}
      </TableCell>
      {SCOPE_ACTIONS.map((action) => {
        const value = scope(action);
        return (
          <TableCell key={action} className="py-3 text-center align-top">
            <Checkbox
              id={checkboxId(idPrefix, value)}
              aria-label={scopeLabel(value)}
              aria-describedby={"riskNote" in section ? noteId : undefined}
              checked={selected.has(value)}
              onCheckedChange={(checked) => onToggle(value, checked === true)}
              disabled={disabled}
              className="mt-0.5"
            />
          </TableCell>
        );
      })}
    </TableRow>
  );
}
