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
import { ListSelect } from "@/components/ui/list-select";

const RISK_LABELS: Record<RiskFilter, string> = {
  none: "No scopes",
  low: "Low",
  medium: "Medium",
  high: "High",
};

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
          <div className="grid gap-1.5">
            <label htmlFor={`${id}-type`} className={labelClasses}>
              Client type
            </label>
            <ListSelect
              id={`${id}-type`}
              value={type ?? ""}
              onChange={(event) => onTypeChange((event.target.value || null) as TypeFilter | null)}
            >
              <option value="">Any type</option>
              {TYPE_FILTERS.map((option) => (
                <option key={option} value={option}>
                  {option === "unknown" ? "Unknown" : clientTypeLabel(option)}
                </option>
              ))}
            </ListSelect>
          </div>
        ) : null}
        <div className="grid gap-1.5">
          <label htmlFor={`${id}-section`} className={labelClasses}>
            Scope section
          </label>
          <ListSelect
            id={`${id}-section`}
            value={section ?? ""}
            onChange={(event) =>
              onSectionChange((event.target.value || null) as ScopeSectionId | null)
            }
          >
            <option value="">Any section</option>
            {SCOPE_SECTIONS.map((option) => (
              <option key={option.id} value={option.id}>
                Has {option.label} ({option.id}.*)
              </option>
            ))}
          </ListSelect>
        </div>
        <div className="grid gap-1.5">
          <label htmlFor={`${id}-risk`} className={labelClasses}>
            Highest risk
          </label>
          <ListSelect
            id={`${id}-risk`}
            value={risk ?? ""}
            onChange={(event) => onRiskChange((event.target.value || null) as RiskFilter | null)}
          >
            <option value="">Any risk</option>
            {RISK_FILTERS.map((option) => (
              <option key={option} value={option}>
                {RISK_LABELS[option]}
              </option>
            ))}
          </ListSelect>
        </div>
        {rotationFilterAvailable ? (
          <div className="grid gap-1.5">
            <label htmlFor={`${id}-rotation`} className={labelClasses}>
              Secret
            </label>
            <ListSelect
              id={`${id}-rotation`}
              value={rotation ?? ""}
              onChange={(event) =>
                onRotationChange((event.target.value || null) as RotationFilter | null)
              }
            >
              <option value="">Any secret</option>
              <option value="needed">Needs rotation</option>
            </ListSelect>
          </div>
        ) : null}
      </div>
      {createAction ? <div className="shrink-0">{createAction}</div> : null}
    </div>
  );
}
