"use client";

import { useId } from "react";
import { ListSelect } from "@/components/ui/list-select";

/**
 * One filter of the list's toolbar: a labelled select whose first option, "any", is no filter
 * (null). `options` are the values with their words, in order.
 */
export function ListFilterSelect<T extends string>({
  label,
  anyLabel,
  value,
  options,
  onChange,
}: {
  label: string;
  anyLabel: string;
  value: T | null;
  options: readonly (readonly [T, string])[];
  onChange: (value: T | null) => void;
}) {
  const id = useId();
  return (
    <div className="grid gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-foreground">
        {label}
      </label>
      <ListSelect
        id={id}
        value={value ?? ""}
        onChange={(event) => onChange((event.target.value || null) as T | null)}
      >
        <option value="">{anyLabel}</option>
        {options.map(([option, words]) => (
          <option key={option} value={option}>
            {words}
          </option>
        ))}
      </ListSelect>
    </div>
  );
}
