"use client";

import { RadioGroup, RadioGroupCard } from "@/components/ui/radio-group";
import { SCOPE_PRESETS } from "@/lib/wink-contract/scopes";
import type { ScopePickerMode } from "./use-scope-selection";

const OPTIONS: { value: ScopePickerMode; title: string; description: string }[] = [
  { value: "none", title: "None (OIDC only)", description: SCOPE_PRESETS.none.description },
  {
    value: "readOnly",
    title: SCOPE_PRESETS.readOnly.label,
    description: SCOPE_PRESETS.readOnly.description,
  },
  {
    value: "custom",
    title: "Custom",
    description: "Exactly the scopes ticked below. Grant only what the application needs.",
  },
];

function isMode(value: string): value is ScopePickerMode {
  return OPTIONS.some((option) => option.value === value);
}

export function ScopePickerPresets({
  idPrefix,
  mode,
  onChoose,
  disabled,
}: {
  idPrefix: string;
  mode: ScopePickerMode;
  onChoose(mode: ScopePickerMode): void;
  disabled?: boolean;
}) {
  const labelId = `${idPrefix}-presets-label`;
  return (
    <div className="grid gap-2">
      <p id={labelId} className="text-sm font-medium text-foreground">
        Start from
      </p>
      <RadioGroup
        aria-labelledby={labelId}
        value={mode}
        onValueChange={(value) => {
          if (isMode(value)) onChoose(value);
        }}
        disabled={disabled}
        className="sm:grid-cols-3"
      >
        {OPTIONS.map((option) => (
          <RadioGroupCard
            key={option.value}
            value={option.value}
            title={option.title}
            description={option.description}
          />
        ))}
      </RadioGroup>
    </div>
  );
}
