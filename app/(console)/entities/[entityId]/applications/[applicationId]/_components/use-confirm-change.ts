"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/auth/action";
import type { ChangeFailure } from "./confirm-change-dialog";

/**
 * The wiring the rotate and delete dialogs share: open and close, a new submission id per opening,
 * the failure shown in the dialog, and what happens on success.
 *
 * After an unknown outcome, closing calls `onUnknownClosed` (the page reloads what Wink has now:
 * that is how the admin tells whether the change happened).
 */
export function useConfirmChange<T>({
  change,
  onDone,
  onUnknownClosed,
}: {
  change: {
    submit(confirmName: string): Promise<ActionResult<T> | null>;
    renew(): void;
    pending: boolean;
  };
  /** The change went through: the dialog is already closed. */
  onDone(data: T): void;
  onUnknownClosed(): void;
}) {
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<ChangeFailure | null>(null);

  const openDialog = () => {
    setFailure(null);
    change.renew();
    setOpen(true);
  };

  const close = () => {
    setOpen(false);
    if (failure?.unknown) onUnknownClosed();
    setFailure(null);
  };

  const confirm = async (typed: string) => {
    setFailure(null);
    const result = await change.submit(typed);
    if (!result) return;
    if (result.ok) {
      setOpen(false);
      onDone(result.data);
      return;
    }
    setFailure({
      message: result.error,
      unknown: result.outcomeUnknown === true,
      field: result.fieldErrors?.confirmName,
    });
  };

  return { open, openDialog, close, confirm, failure, pending: change.pending };
}
