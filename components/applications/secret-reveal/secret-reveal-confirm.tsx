"use client";

import type { ComponentProps } from "react";
import { ConfirmAlertDialog } from "@/components/ui/confirm-alert-dialog";
import type { GuardedCloseReason } from "./use-guarded-close";

export type SecretRevealConfirmProps = Pick<
  ComponentProps<typeof ConfirmAlertDialog>,
  "open" | "onOpenChange"
> & {
  /** "close": Escape, an outside click; "leave": Back, a link, anything that changes the page. */
  reason: GuardedCloseReason;
  onCloseAutoFocus(event: Event): void;
  onConfirm(): void;
};

/**
 * "Close (or leave) without storing the secret?" Radix AlertDialog puts focus on Cancel ("Keep open"), so
 * Enter or Space right after a stray Escape keeps the secret on screen.
 */
export function SecretRevealConfirm({ reason, ...props }: SecretRevealConfirmProps) {
  const leaving = reason === "leave";
  return (
    <ConfirmAlertDialog
      {...props}
      title={leaving ? "Leave without storing the secret?" : "Close without storing the secret?"}
      description="It cannot be shown again. If it is lost, you will have to rotate the credentials, which stops the current ones from working."
      cancelLabel={leaving ? "Stay" : "Keep open"}
      confirmLabel={leaving ? "Leave anyway" : "Close anyway"}
    />
  );
}
