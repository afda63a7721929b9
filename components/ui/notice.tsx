import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * A warning about what the admin entered, with the one action that resolves it (a button under the
 * text). `announce` as on Alert: false for a notice that stands on the page from the start.
 */
export function Notice({
  title,
  children,
  action,
  onAction,
  disabled,
  announce = true,
}: {
  title: ReactNode;
  children: ReactNode;
  /** The button's words. */
  action: ReactNode;
  onAction(): void;
  disabled: boolean;
  announce?: boolean;
}) {
  return (
    <Alert variant="warning" announce={announce} title={title}>
      <p>{children}</p>
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="mt-2"
        disabled={disabled}
        onClick={onAction}
      >
        {action}
      </Button>
    </Alert>
  );
}
