"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { confirmationMatches } from "@/lib/applications/confirmation";

export type ChangeFailure = {
  message: string;
  /** The request may have reached Wink: the dialog stops offering the button (no blind retry). */
  unknown: boolean;
  /** The server's word on the typed name, shown beside the field. */
  field?: string;
};

/**
 * A danger dialog armed by typing the application's name: the shared shell of rotate and delete.
 * The form lives in the content, which unmounts on close, so every opening starts with an empty
 * box and the button disarmed.
 */
export function ConfirmChangeDialog({
  open,
  onClose,
  title,
  description,
  children,
  phrase,
  confirmLabel,
  pendingLabel,
  pending,
  failure,
  failureTitles,
  onConfirm,
  onCloseAutoFocus,
}: {
  open: boolean;
  onClose(): void;
  title: ReactNode;
  description: ReactNode;
  children?: ReactNode;
  /** What must be typed: the application's name as confirmationPhrase shows it. */
  phrase: string;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  failure: ChangeFailure | null;
  failureTitles: { unknown: string; failed: string };
  onConfirm(typed: string): void;
  onCloseAutoFocus?(event: Event): void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <AlertDialog open={open} onOpenChange={(next) => !next && !pending && onClose()}>
      <AlertDialogContent
        className="max-w-lg"
        onOpenAutoFocus={(event) => {
          // The name box, not Cancel: nothing can be confirmed before the name is typed anyway.
          event.preventDefault();
          inputRef.current?.focus();
        }}
        onEscapeKeyDown={(event) => {
          if (pending) event.preventDefault();
        }}
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <AlertDialogHeader>
          <AlertDialogTitle className="break-words">{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        {children}
        <ConfirmForm
          inputRef={inputRef}
          phrase={phrase}
          confirmLabel={confirmLabel}
          pendingLabel={pendingLabel}
          pending={pending}
          failure={failure}
          failureTitles={failureTitles}
          onConfirm={onConfirm}
        />
      </AlertDialogContent>
    </AlertDialog>
  );
}

function ConfirmForm({
  inputRef,
  phrase,
  confirmLabel,
  pendingLabel,
  pending,
  failure,
  failureTitles,
  onConfirm,
}: {
  inputRef: React.RefObject<HTMLInputElement | null>;
  phrase: string;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  failure: ChangeFailure | null;
  failureTitles: { unknown: string; failed: string };
  onConfirm(typed: string): void;
}) {
  const id = useId();
  const [typed, setTyped] = useState("");
  const armed = confirmationMatches(typed, phrase);
  const locked = failure?.unknown === true;

  return (
    <form
      noValidate
      aria-busy={pending}
      className="grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (armed && !pending && !locked) onConfirm(typed);
      }}
    >
      <div className="grid gap-1.5">
        <Label htmlFor={id} className="leading-snug">
          {/* The phrase is isolated: text from Wink must not reorder the instruction around it. */}
          Type{" "}
          <bdi className="font-mono break-all" data-testid="confirmation-phrase">
            {phrase}
          </bdi>{" "}
          to confirm
        </Label>
        <Input
          ref={inputRef}
          id={id}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          disabled={pending || locked}
          aria-invalid={failure?.field ? true : undefined}
          aria-describedby={failure?.field ? `${id}-error` : undefined}
        />
        <FieldError id={`${id}-error`} message={failure?.field} />
      </div>

      {failure ? (
        <Alert
          variant={failure.unknown ? "warning" : "error"}
          title={failure.unknown ? failureTitles.unknown : failureTitles.failed}
        >
          <bdi>{failure.message}</bdi>
        </Alert>
      ) : null}

      <AlertDialogFooter>
        <AlertDialogCancel disabled={pending}>{locked ? "Close" : "Cancel"}</AlertDialogCancel>
        {locked ? null : (
          <Button type="submit" variant="danger" disabled={!armed} loading={pending}>
            {pending ? pendingLabel : confirmLabel}
          </Button>
        )}
      </AlertDialogFooter>
    </form>
  );
}
