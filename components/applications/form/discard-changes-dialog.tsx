"use client";

import { ConfirmAlertDialog } from "@/components/ui/confirm-alert-dialog";

/** Asked before a form with changes is closed: nothing typed is lost without a yes. */
export function DiscardChangesDialog({
  open,
  what,
  onKeepEditing,
  onDiscard,
}: {
  open: boolean;
  what: string;
  onKeepEditing(): void;
  onDiscard(): void;
}) {
  return (
    <ConfirmAlertDialog
      open={open}
      onOpenChange={(next) => !next && onKeepEditing()}
      title={`Discard ${what}?`}
      description="What you entered will be lost."
      cancelLabel="Keep editing"
      confirmLabel="Discard"
      onConfirm={onDiscard}
    />
  );
}
