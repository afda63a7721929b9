"use client";

import { Search } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ClientType } from "@/lib/wink-contract/schemas";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import {
  parseScope,
  SCOPE_ACTION_LABELS,
  SCOPE_ACTIONS,
  SCOPE_SECTIONS,
  isScope,
} from "@/lib/wink-contract/scopes";
import { ScopePickerPresets } from "./scope-picker-presets";
import { ScopePickerRow } from "./scope-picker-row";
import { ScopePickerSummary } from "./scope-picker-summary";
import { sectionMatches, useScopeSelection } from "./use-scope-selection";

export interface ScopePickerProps {
  value: string[];
  onChange(next: string[]): void;
  disabled?: boolean;
  /** Id of the picker's fieldset (for aria-labelledby targets, scrolling to an error). */
  id?: string;
  /** Names the picker; without it, a hidden legend "API scopes" does. */
  "aria-labelledby"?: string;
  /** E.g. the id of the field's error message. */
  "aria-describedby"?: string;
  /** The application's type when known (create), for the words about having no scopes. */
  clientType?: ClientType;
  /** Marks the picker invalid, for the form to move focus to it after a refused submit. */
  "aria-invalid"?: boolean;
}

/**
 * Least-privilege scope selection: presets, a section × action grid of checkboxes, a search that
 * only hides rows (never the scopes ticked in them), and a live total with the high-risk count.
 */
export function ScopePicker({
  value,
  onChange,
  disabled,
  id,
  clientType,
  ...aria
}: ScopePickerProps) {
  const idPrefix = useId();
  const [query, setQuery] = useState("");
  const { selected, mode, toggle, choose } = useScopeSelection(value, onChange);

  const visible = SCOPE_SECTIONS.filter((section) => sectionMatches(section, query));
  const hidden = SCOPE_SECTIONS.length - visible.length;
  const visibleIds = new Set<string>(visible.map((section) => section.id));
  const hiddenSelected = value.filter(
    (scope) => isScope(scope) && !visibleIds.has(parseScope(scope).section),
  ).length;

  return (
    <fieldset
      id={id}
      aria-labelledby={aria["aria-labelledby"]}
      aria-describedby={aria["aria-describedby"]}
      aria-invalid={aria["aria-invalid"]}
      className="grid min-w-0 gap-4"
    >
      {aria["aria-labelledby"] ? null : <legend className="sr-only">API scopes</legend>}
      <ScopePickerPresets idPrefix={idPrefix} mode={mode} onChoose={choose} disabled={disabled} />

      <div className="grid gap-2">
        <Label htmlFor={`${idPrefix}-search`}>Filter sections</Label>
        <div className="relative">
          <Search
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
            aria-hidden="true"
          />
          <Input
            id={`${idPrefix}-search`}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              // The picker sits inside the create form: Enter here means "search", not "submit".
              if (event.key === "Enter") event.preventDefault();
            }}
            placeholder="e.g. booking, payouts, reviews"
            autoComplete="off"
            disabled={disabled}
            className="pl-9"
          />
        </div>
        <div className="flex flex-wrap items-center gap-x-2 text-sm text-muted-foreground">
          <p role="status" aria-live="polite">
            {hidden > 0
              ? `${hidden} ${hidden === 1 ? "section" : "sections"} hidden by search` +
                (hiddenSelected > 0
                  ? ` (${hiddenSelected} selected ${hiddenSelected === 1 ? "scope" : "scopes"} still included).`
                  : ".")
              : null}
          </p>
          {hidden > 0 ? (
            <Button variant="link" size="sm" type="button" onClick={() => setQuery("")}>
              Show all sections
            </Button>
          ) : null}
        </div>
      </div>

      <Table className="min-w-[36rem]">
        <TableCaption className="sr-only">Scopes by section and action</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead className="w-36">Section</TableHead>
            <TableHead>What it unlocks</TableHead>
            {SCOPE_ACTIONS.map((action) => (
              <TableHead key={action} className="h-auto w-20 py-2 text-center">
                <span className="block">{SCOPE_ACTION_LABELS[action].label}</span>
                <span className="block text-xs font-normal text-muted-foreground">
                  {SCOPE_ACTION_LABELS[action].verbs.split(":")[0]}
                </span>
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {visible.map((section) => (
            <ScopePickerRow
              key={section.id}
              section={section}
              idPrefix={idPrefix}
              selected={selected}
              onToggle={toggle}
              disabled={disabled}
            />
          ))}
          {visible.length === 0 ? (
            <TableRow>
              <TableCell
                colSpan={2 + SCOPE_ACTIONS.length}
                className="py-6 text-center text-muted-foreground"
              >
                No section matches “{query.trim()}”.
              </TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>

      <ScopePickerSummary scopes={value} clientType={clientType} />
    </fieldset>
  );
}
