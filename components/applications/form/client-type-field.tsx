"use client";

import { FieldError } from "@/components/ui/field-error";
import { RadioGroup, RadioGroupCard } from "@/components/ui/radio-group";
import { CLIENT_TYPES, type ClientType } from "@/lib/wink-contract/schemas";
import { CLIENT_TYPE_CHOICES } from "@/lib/applications/client-type-choices";

/** The four kinds of client, each explained, as one radio group. */
export function ClientTypeField({
  value,
  onChange,
  error,
  disabled,
}: {
  value: ClientType | undefined;
  onChange(next: ClientType): void;
  error?: string;
  disabled: boolean;
}) {
  return (
    <fieldset className="space-y-2">
      <legend id="client-type-legend" className="text-sm font-medium text-foreground">
        Client type
      </legend>
      <p className="text-sm text-muted-foreground">
        How the application signs in. It cannot be changed later.
      </p>
      <RadioGroup
        value={value ?? ""}
        onValueChange={(next) => onChange(next as ClientType)}
        aria-labelledby="client-type-legend"
        aria-describedby="client-type-error"
        aria-invalid={error ? true : undefined}
        disabled={disabled}
        className="grid gap-2 sm:grid-cols-2"
      >
        {CLIENT_TYPES.map((type) => (
          <RadioGroupCard
            key={type}
            value={type}
            title={CLIENT_TYPE_CHOICES[type].label}
            description={CLIENT_TYPE_CHOICES[type].summary}
          />
        ))}
      </RadioGroup>
      <FieldError id="client-type-error" message={error} />
    </fieldset>
  );
}
