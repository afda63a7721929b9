"use client";

import { Plus, X } from "lucide-react";
import { useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { punycodeForm } from "@/lib/applications/redirect-uri-form";

export interface UriListEditorProps {
  label: string;
  description: string;
  value: string[];
  onChange(next: string[]): void;
  /** The list's own error ("add at least one") and each row's, by index. */
  error?: string;
  rowErrors?: (string | undefined)[];
  placeholder: string;
  /** "redirect URI": names the rows ("Redirect URI 2") and the add button. */
  itemName: string;
  disabled?: boolean;
  max: number;
}

/** An editable list of URIs, one input per row, each validated and labelled on its own. */
export function UriListEditor({
  label,
  description,
  value,
  onChange,
  error,
  rowErrors = [],
  placeholder,
  itemName,
  disabled,
  max,
}: UriListEditorProps) {
  const id = useId();
  const list = useRef<HTMLUListElement>(null);
  const itemLabel = itemName.charAt(0).toUpperCase() + itemName.slice(1);

  const focusRow = (index: number) =>
    requestAnimationFrame(() =>
      list.current?.querySelectorAll("input")[index]?.focus({ preventScroll: false }),
    );

  return (
    <fieldset
      className="space-y-2"
      aria-describedby={`${id}-description ${id}-error`}
      aria-invalid={error ? true : undefined}
    >
      <legend className="text-sm font-medium text-foreground">{label}</legend>
      <p id={`${id}-description`} className="text-sm text-muted-foreground">
        {description}
      </p>
      {value.length > 0 && (
        <ul ref={list} className="space-y-2">
          {value.map((uri, index) => {
            const rowError = rowErrors[index];
            const errorId = `${id}-row-${index}-error`;
            const asciiId = `${id}-row-${index}-ascii`;
            // An internationalised host: show the punycode form browsers and Wink will use.
            const ascii = rowError ? null : punycodeForm(uri);
            const describedBy = [rowError && errorId, ascii && asciiId].filter(Boolean).join(" ");
            return (
              <li key={index} className="space-y-1">
                <div className="flex items-center gap-2">
                  <Input
                    aria-label={`${itemLabel} ${index + 1}`}
                    value={uri}
                    placeholder={placeholder}
                    disabled={disabled}
                    inputMode="url"
                    autoComplete="off"
                    spellCheck={false}
                    aria-invalid={rowError ? true : undefined}
                    aria-describedby={describedBy || undefined}
                    onChange={(event) =>
                      onChange(value.map((item, i) => (i === index ? event.target.value : item)))
                    }
                  />
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    disabled={disabled}
                    aria-label={`Remove ${itemName} ${index + 1}`}
                    onClick={() => {
                      onChange(value.filter((_, i) => i !== index));
                      focusRow(Math.max(0, index - 1));
                    }}
                  >
                    <X aria-hidden="true" />
                  </Button>
                </div>
                <FieldError id={errorId} message={rowError} />
                {ascii ? (
                  <p id={asciiId} className="text-sm break-all text-muted-foreground">
                    Saved as{" "}
                    <bdi className="font-mono" data-testid="punycode-form">
                      {ascii}
                    </bdi>{" "}
                    (the internationalised host in punycode).
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <FieldError id={`${id}-error`} message={error} />
      <Button
        type="button"
        variant="outline"
        size="sm"
        disabled={disabled || value.length >= max}
        onClick={() => {
          onChange([...value, ""]);
          focusRow(value.length);
        }}
      >
        <Plus aria-hidden="true" /> Add {itemName}
      </Button>
    </fieldset>
  );
}
