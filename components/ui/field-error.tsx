import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export type FieldErrorProps = Omit<ComponentProps<"p">, "id"> & {
  /** The field points at it with aria-describedby={id} and sets aria-invalid, both only while
   * there is a message: nothing renders without one, and a reference to a missing id is noise. */
  id: string;
  message?: string;
};

/**
 * The error text of one field. Not a live region: errors are shown after submit, when focus moves to
 * the first invalid field, and its description is then read with it. Announcing every error at
 * once as well would be noise.
 */
export function FieldError({ id, message, children, className, ...props }: FieldErrorProps) {
  const content = children ?? message;
  if (!content) return null;
  return (
    <p
      id={id}
      data-slot="field-error"
      className={cn("text-sm font-medium text-error", className)}
      {...props}
    >
      {content}
    </p>
  );
}
