"use client";

import { Notice } from "@/components/ui/notice";

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
    <Notice
      title="An application with this name already exists"
      action="Create anyway"
      onAction={onCreateAnyway}
      disabled={disabled}
    >
      “{existing}” is already in the list. People choosing between two applications of the same name
      on Wink&apos;s consent screen cannot tell them apart. Change the name, or create it anyway.
    </Notice>
  );
}
