"use client";

import type { ComponentProps } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import type { GuardedCloseReason } from "./use-guarded-close";

export type SecretRevealConfirmProps = Pick<
  ComponentProps<typeof AlertDialog>,
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
export function SecretRevealConfirm({
  reason,
  open,
  onOpenChange,
  onCloseAutoFocus,
  onConfirm,
}: SecretRevealConfirmProps) {
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent onCloseAutoFocus={onCloseAutoFocus}>
        <AlertDialogHeader>
          <AlertDialogTitle>
            {reason === "leave"
              ? "Leave without storing the secret?"
              : "Close without storing the secret?"}
          </AlertDialogTitle>
          <AlertDialogDescription>
            It cannot be shown again. If it is lost, you will have to rotate the credentials, which
            stops the current ones from working.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{reason === "leave" ? "Stay" : "Keep open"}</AlertDialogCancel>
          <AlertDialogAction variant="danger" onClick={onConfirm}>
            {reason === "leave" ? "Leave anyway" : "Close anyway"}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
