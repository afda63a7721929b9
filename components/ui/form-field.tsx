import type { ReactNode } from "react";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

/** What the control inside a field spreads onto itself, so that it is labelled and described. */
export type FormFieldControlProps = {
  id: string;
  "aria-describedby": string;
  "aria-invalid": true | undefined;
};

/**
 * One labelled form field: the label, the control, a description under it and the field's error.
 * The control is rendered by `children`, which receives its id and the ARIA wiring: the
 * description and the error are read with the control (aria-describedby), and aria-invalid is set
 * while there is an error, so that a screen reader says the field is invalid when focus lands on it.
 * `notice` goes last, under the error (e.g. a warning about the value typed).
 */
export function FormField({
  id,
  label,
  description,
  error,
  notice,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  notice?: ReactNode;
  className?: string;
  children(control: FormFieldControlProps): ReactNode;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div data-slot="form-field" className={cn("space-y-1", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children({
        id,
        "aria-describedby": description ? `${hintId} ${errorId}` : errorId,
        "aria-invalid": error ? true : undefined,
      })}
      {description ? (
        <p id={hintId} data-slot="form-field-description" className="text-sm text-muted-foreground">
          {description}
        </p>
      ) : null}
      <FieldError id={errorId} message={error} />
      {notice}
    </div>
  );
}
