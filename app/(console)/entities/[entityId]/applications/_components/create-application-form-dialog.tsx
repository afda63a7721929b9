"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { useWatch } from "react-hook-form";
import { useSubmitOnce } from "@/components/applications/changes/use-submit-once";
import { applicationsQueryKey } from "@/components/applications/data/applications-query-key";
import type { ChangeFailure } from "@/components/applications/form/change-failure-alert";
import {
  preloadSecretReveal,
  useRevealSecret,
} from "@/components/applications/secret-reveal/secret-reveal-host";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import type {
  CreateApplicationInput,
  CreateApplicationValues,
} from "@/lib/applications/form-schema";
import { DiscardChangesDialog } from "@/components/applications/form/discard-changes-dialog";
import { SameNameWarning } from "@/components/applications/form/same-name-warning";
import { useFocusFirstError } from "@/components/applications/form/use-focus-first-error";
import { useSameNameCheck } from "@/components/applications/form/use-same-name-check";
import { createApplication } from "../actions";
import { CreateApplicationForm, EMPTY, useCreateForm } from "./create-application-form";

const UNANSWERED =
  "The console did not answer. The application may or may not have been created: check the list before you try again.";

/**
 * "Create application": the form in a dialog, then the new credentials in the shown-once dialog,
 * which the root layout holds (so a refetch that re-renders the list, and this control with it,
 * cannot take the secret away). The list is refreshed only after that dialog closes, once the
 * secret has been dropped.
 * Loaded when first opened (./create-application-dialog.tsx holds the button): `open` and
 * `onOpenChange` are that button's state, `trigger` the button focus returns to.
 */
export function CreateApplicationFormDialog({
  entityId,
  tokenUrl,
  open,
  onOpenChange: setOpen,
  trigger,
}: {
  entityId: string;
  tokenUrl: string;
  open: boolean;
  onOpenChange(open: boolean): void;
  trigger: RefObject<HTMLButtonElement | null>;
}) {
  const queryClient = useQueryClient();
  // Set when the new pair goes to the reveal dialog, which then has the focus.
  const handedOver = useRef(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [formError, setFormError] = useState<ChangeFailure | null>(null);
  const reveal = useRevealSecret();
  // The shown-once dialog's code comes while the form is filled in, not after the secret.
  useEffect(preloadSecretReveal, []);
  // One create per submit. The result holds the secret: it goes to the reveal dialog's state only.
  const send = useCallback(
    (submissionId: string, values: CreateApplicationValues) =>
      createApplication(entityId, submissionId, values),
    [entityId],
  );
  const { submit, pending: creating } = useSubmitOnce(send, UNANSWERED);

  const form = useCreateForm();
  const { ref: formRef, focusFirstError } = useFocusFirstError<HTMLFormElement>();
  const typedName = useWatch({ control: form.control, name: "name" });
  const sameName = useSameNameCheck(entityId, typedName ?? "");
  // The name check holds the form as the create does: one submit, one outcome.
  const pending = creating || sameName.checking;

  const close = () => {
    setOpen(false);
    setConfirmDiscard(false);
    setFormError(null);
    sameName.reset();
    form.reset(EMPTY);
  };

  const onValid = async (values: CreateApplicationValues) => {
    setFormError(null);
    // Wink would take a second application of the same name without a word.
    const named = await sameName.check(values.name);
    if (named === "busy") return;
    if (named === "warned") {
      form.setFocus("name");
      return;
    }
    const result = await submit(values);
    if (!result) return;
    if (result.ok) {
      close();
      const created = result.data;
      handedOver.current = true;
      reveal({
        credentials: created,
        applicationName: created.name,
        clientType: created.clientType,
        scopes: created.scopes,
        tokenUrl,
        mode: "created",
        finalFocusRef: trigger,
        onClosed: () => {
          void queryClient.invalidateQueries({ queryKey: applicationsQueryKey(entityId) });
        },
      });
      return;
    }
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      form.setError(field as keyof CreateApplicationInput, { message });
    }
    setFormError({ message: result.error, unknown: result.outcomeUnknown === true });
    focusFirstError();
  };

  return (
    <>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          if (next) return setOpen(true);
          if (pending) return;
          if (form.formState.isDirty) setConfirmDiscard(true);
          else close();
        }}
      >
        <DialogContent
          className="max-h-[90vh] max-w-3xl overflow-y-auto"
          // The dialog opens once its code has loaded, so it cannot tell where the focus came
          // from: back to the button, for the keyboard and screen readers (after a create, the
          // secret dialog has the focus and gives it back to the button itself).
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (!handedOver.current) trigger.current?.focus();
            handedOver.current = false;
          }}
        >
          <DialogHeader>
            <DialogTitle>Create application</DialogTitle>
            <DialogDescription>
              Register an OAuth2 client with Wink. Its secret is shown once, right after it is
              created.
            </DialogDescription>
          </DialogHeader>
          <CreateApplicationForm
            form={form}
            formRef={formRef}
            pending={pending}
            pendingLabel={sameName.checking ? "Checking the name…" : "Creating…"}
            failure={formError}
            onSubmit={(event) => void form.handleSubmit(onValid, focusFirstError)(event)}
            onCancel={() => (form.formState.isDirty ? setConfirmDiscard(true) : close())}
            nameNotice={
              sameName.existing === null ? null : (
                <SameNameWarning
                  existing={sameName.existing}
                  disabled={pending}
                  onCreateAnyway={() => {
                    sameName.accept();
                    void form.handleSubmit(onValid, focusFirstError)();
                  }}
                />
              )
            }
          />
        </DialogContent>
      </Dialog>

      <DiscardChangesDialog
        open={confirmDiscard}
        what="this application"
        onKeepEditing={() => setConfirmDiscard(false)}
        onDiscard={close}
      />
    </>
  );
}
