"use client";

import { Search } from "lucide-react";
import { useId, type ReactNode, type Ref } from "react";
import { Input } from "@/components/ui/input";
import { SCOPE_SECTIONS, type ScopeSectionId } from "@/lib/wink-contract/scopes";
import {
  RISK_FILTERS,
  TYPE_FILTERS,
  type RiskFilter,
  type RotationFilter,
  type TypeFilter,
} from "@/lib/applications/list-params";
import { clientTypeLabel } from "@/lib/applications/record-words";
import { ListFilterSelect } from "./list-filter-select";

const RISK_LABELS: Record<RiskFilter, string> = {
  none: "No scopes",
  low: "Low",
  medium: "Medium",
  high: "High",
};

const TYPE_OPTIONS = TYPE_FILTERS.map(
  (option) => [option, option === "unknown" ? "Unknown" : clientTypeLabel(option)] as const,
);
const SECTION_OPTIONS = SCOPE_SECTIONS.map(
  (option) => [option.id, `Has ${option.label} (${option.id}.*)`] as const,
);
const RISK_OPTIONS = RISK_FILTERS.map((option) => [option, RISK_LABELS[option]] as const);
const ROTATION_OPTIONS = [["needed", "Needs rotation"]] as const satisfies readonly (readonly [
  RotationFilter,
  string,
])[];

export interface ApplicationListToolbarProps {
  searchInputRef?: Ref<HTMLInputElement>;
  searchText: string;
  onSearchTextChange: (text: string) => void;
  type: TypeFilter | null;
  onTypeChange: (type: TypeFilter | null) => void;
  /** No type filter while the console's record is unavailable: no row would have a type. */
  typeFilterAvailable: boolean;
  section: ScopeSectionId | null;
  onSectionChange: (section: ScopeSectionId | null) => void;
  risk: RiskFilter | null;
  onRiskChange: (risk: RiskFilter | null) => void;
  rotation: RotationFilter | null;
  onRotationChange: (rotation: RotationFilter | null) => void;
  /** No rotation filter with the policy off or the record unavailable: no secret would match. */
  rotationFilterAvailable: boolean;
  /** The create control, for admins only; absent for viewers. */
  createAction?: ReactNode;
}

/** Search and filters; each control has a visible label. */
export function ApplicationListToolbar({
  searchInputRef,
  searchText,
  onSearchTextChange,
  type,
  onTypeChange,
  typeFilterAvailable,
  section,
  onSectionChange,
  risk,
  onRiskChange,
  rotation,
  onRotationChange,
  rotationFilterAvailable,
  createAction,
}: ApplicationListToolbarProps) {
  const id = useId();
  const labelClasses = "text-sm font-medium text-foreground";
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div
        role="search"
        aria-label="Filter applications"
        className="flex flex-1 flex-wrap items-end gap-3"
      >
        <div className="grid w-full max-w-sm min-w-56 flex-1 gap-1.5">
          <label htmlFor={`${id}-q`} className={labelClasses}>
            Search<span className="sr-only"> applications</span>
          </label>
          <div className="relative">
            <Search
              aria-hidden="true"
              className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
            />
            <Input
              ref={searchInputRef}
              id={`${id}-q`}
              type="search"
              value={searchText}
              onChange={(event) => onSearchTextChange(event.target.value)}
              placeholder="Name or client ID"
              maxLength={200}
              autoComplete="off"
              spellCheck={false}
              className="pl-9"
            />
          </div>
        </div>
        {typeFilterAvailable ? (
          <ListFilterSelect
            label="Client type"
            anyLabel="Any type"
            value={type}
            options={TYPE_OPTIONS}
            onChange={onTypeChange}
          />
        ) : null}
        <ListFilterSelect
          label="Scope section"
          anyLabel="Any section"
          value={section}
          options={SECTION_OPTIONS}
          onChange={onSectionChange}
        />
        <ListFilterSelect
          label="Highest risk"
          anyLabel="Any risk"
          value={risk}
          options={RISK_OPTIONS}
          onChange={onRiskChange}
        />
        {rotationFilterAvailable ? (
          <ListFilterSelect
            label="Secret"
            anyLabel="Any secret"
            value={rotation}
            options={ROTATION_OPTIONS}
            onChange={onRotationChange}
          />
        ) : null}
      </div>
      {createAction ? <div className="shrink-0">{createAction}</div> : null}
    </div>
  );
}
