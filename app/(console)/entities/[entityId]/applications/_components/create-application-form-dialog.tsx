"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type RefObject } from "react";
import { Controller, useForm, useWatch, type Control, type UseFormRegister } from "react-hook-form";
import { applicationsQueryKey } from "@/components/applications/data/applications-query-key";
import { useRevealSecret } from "@/components/applications/secret-reveal/secret-reveal-host";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import {
  CLIENT_TYPE_CHOICES,
  createApplicationSchema,
  type CreateApplicationInput,
  type CreateApplicationValues,
  type UpdateApplicationInput,
} from "@/lib/applications/form-schema";
import { ApplicationFields } from "@/components/applications/form/application-fields";
import { ClientTypeField } from "@/components/applications/form/client-type-field";
import { DiscardChangesDialog } from "@/components/applications/form/discard-changes-dialog";
import { SameNameWarning } from "@/components/applications/form/same-name-warning";
import { useFocusFirstError } from "@/components/applications/form/use-focus-first-error";
import { useSameNameCheck } from "@/components/applications/form/use-same-name-check";
import { useCreateApplication } from "./use-create-application";

const EMPTY: CreateApplicationInput = {
  name: "",
  clientType: undefined as unknown as CreateApplicationInput["clientType"],
  redirectUris: [""],
  postLogoutRedirectUris: [],
  scopes: [],
  iconIdentifier: "",
};

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
  const [formError, setFormError] = useState<{ message: string; unknown: boolean } | null>(null);
  const reveal = useRevealSecret();
  const { submit, pending } = useCreateApplication(entityId);

  const form = useForm<CreateApplicationInput, unknown, CreateApplicationValues>({
    resolver: zodResolver(createApplicationSchema),
    defaultValues: EMPTY,
    mode: "onTouched",
    // Focus goes to the first invalid field in reading order, URI rows and groups included.
    shouldFocusError: false,
  });
  const { ref: formRef, focusFirstError } = useFocusFirstError<HTMLFormElement>();
  const clientType = useWatch({ control: form.control, name: "clientType" });
  const typedName = useWatch({ control: form.control, name: "name" });
  const sameName = useSameNameCheck(entityId, typedName ?? "");
  const usesRedirects = clientType ? CLIENT_TYPE_CHOICES[clientType].usesRedirects : true;

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
    if (sameName.holdsBack(values.name)) {
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
          <form
            ref={formRef}
            onSubmit={(event) => void form.handleSubmit(onValid, focusFirstError)(event)}
            noValidate
            className="space-y-6"
            aria-busy={pending}
          >
            <ClientTypeFieldController
              control={form.control}
              disabled={pending}
              onTypeChange={(next) => {
                // Machine-to-machine clients have no users to redirect: clear the lists rather
                // than leave hidden values the schema would refuse.
                if (!CLIENT_TYPE_CHOICES[next].usesRedirects) {
                  form.setValue("redirectUris", []);
                  form.setValue("postLogoutRedirectUris", []);
                } else if (form.getValues("redirectUris").length === 0) {
                  form.setValue("redirectUris", [""]);
                }
              }}
            />
            <ApplicationFields
              control={form.control as unknown as Control<UpdateApplicationInput>}
              register={form.register as unknown as UseFormRegister<UpdateApplicationInput>}
              errors={form.formState.errors}
              disabled={pending}
              showRedirects={usesRedirects}
              showPostLogout={usesRedirects}
              clientType={clientType}
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
            {formError && (
              <Alert
                variant={formError.unknown ? "warning" : "error"}
                title={formError.unknown ? "It is not known whether it was created" : "Not created"}
              >
                <bdi>{formError.message}</bdi>
              </Alert>
            )}
            <DialogFooter>
              <Button
                type="button"
                variant="outline"
                disabled={pending}
                onClick={() => (form.formState.isDirty ? setConfirmDiscard(true) : close())}
              >
                Cancel
              </Button>
              <Button type="submit" loading={pending}>
                {pending ? "Creating…" : "Create application"}
              </Button>
            </DialogFooter>
          </form>
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

function ClientTypeFieldController({
  control,
  disabled,
  onTypeChange,
}: {
  control: Control<CreateApplicationInput, unknown, CreateApplicationValues>;
  disabled: boolean;
  onTypeChange(next: CreateApplicationValues["clientType"]): void;
}) {
  return (
    <Controller
      control={control}
      name="clientType"
      render={({ field, fieldState }) => (
        <ClientTypeField
          value={field.value}
          onChange={(next) => {
            field.onChange(next);
            onTypeChange(next);
          }}
          error={fieldState.error?.message}
          disabled={disabled}
        />
      )}
    />
  );
}
