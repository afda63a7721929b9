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

export type SecretRevealConfirmProps = Pick<
  ComponentProps<typeof AlertDialog>,
  "open" | "onOpenChange"
> & {
  onCloseAutoFocus(event: Event): void;
  onConfirm(): void;
};

/**
 * "Close without storing the secret?" Radix AlertDialog puts focus on Cancel ("Keep open"), so
 * Enter or Space right after a stray Escape keeps the secret on screen.
 */
export function SecretRevealConfirm({
  open,
  onOpenChange,
  onCloseAutoFocus,
  onConfirm,
}: SecretRevealConfirmProps) {
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent onCloseAutoFocus={onCloseAutoFocus}>
        <AlertDialogHeader>
          <AlertDialogTitle>Close without storing the secret?</AlertDialogTitle>
          <AlertDialogDescription>
            It cannot be shown again. If it is lost, you will have to rotate the credentials, which
            stops the current ones from working.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Keep open</AlertDialogCancel>
          <AlertDialogAction variant="danger" onClick={onConfirm}>
            Close anyway
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
