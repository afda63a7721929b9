import { ListSelect } from "@/components/ui/list-select";
import { cn } from "@/lib/utils";

export type FilterOption = { value: string; label: string };

/**
 * One filter of a GET search form: a labelled native select whose first option, `anyLabel`,
 * sends an empty value (no filter), then the `options`. `value` is the filter as the URL has it;
 * the select is uncontrolled, so the form works without JavaScript.
 */
export function FilterSelect({
  label,
  name,
  value,
  anyLabel,
  options,
  className,
}: {
  label: string;
  name: string;
  value: string | undefined;
  anyLabel: string;
  options: readonly FilterOption[];
  className?: string;
}) {
  return (
    <label
      data-slot="filter-select"
      className={cn("grid gap-1 text-sm font-medium text-foreground", className)}
    >
      {label}
      <ListSelect name={name} defaultValue={value ?? ""} className="w-full">
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </ListSelect>
    </label>
  );
}
