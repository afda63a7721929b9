"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Under the name field: an application with this name exists; change it, or create anyway. */
export function SameNameWarning({
  existing,
  onCreateAnyway,
  disabled,
}: {
  existing: string;
  onCreateAnyway(): void;
  disabled: boolean;
}) {
  return (
    <Alert variant="warning" title="An application with this name already exists">
      <p>
        “{existing}” is already in the list. People choosing between two applications of the same
        name on Wink&apos;s consent screen cannot tell them apart. Change the name, or create it
        anyway.
      </p>
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="mt-2"
        disabled={disabled}
        onClick={onCreateAnyway}
      >
        Create anyway
      </Button>
    </Alert>
  );
}
