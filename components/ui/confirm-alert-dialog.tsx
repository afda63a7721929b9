"use client";

import type { ComponentProps, ReactNode } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "./alert-dialog";

export type ConfirmAlertDialogProps = Pick<
  ComponentProps<typeof AlertDialog>,
  "open" | "onOpenChange"
> & {
  title: ReactNode;
  description: ReactNode;
  /** The safe choice: Radix focuses it first, so Enter right after a stray key does no harm. */
  cancelLabel: string;
  /** The destructive choice, shown as a danger button. */
  confirmLabel: string;
  onConfirm(): void;
  onCloseAutoFocus?(event: Event): void;
};

/** A question with a safe answer and a destructive one ("Discard?", "Leave without storing?"). */
export function ConfirmAlertDialog({
  open,
  onOpenChange,
  title,
  description,
  cancelLabel,
  confirmLabel,
  onConfirm,
  onCloseAutoFocus,
}: ConfirmAlertDialogProps) {
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent onCloseAutoFocus={onCloseAutoFocus}>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{cancelLabel}</AlertDialogCancel>
          <AlertDialogAction variant="danger" onClick={onConfirm}>
            {confirmLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
