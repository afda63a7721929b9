"use client";

import type { FormEvent, ReactNode, Ref } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import {
  Controller,
  useForm,
  useWatch,
  type Control,
  type UseFormRegister,
  type UseFormReturn,
} from "react-hook-form";
import { ApplicationFields } from "@/components/applications/form/application-fields";
import {
  ChangeFailureAlert,
  type ChangeFailure,
} from "@/components/applications/form/change-failure-alert";
import { ClientTypeField } from "@/components/applications/form/client-type-field";
import { FormButtons } from "@/components/applications/form/form-buttons";
import { DialogFooter } from "@/components/ui/dialog";
import { CLIENT_TYPE_CHOICES } from "@/lib/applications/client-type-choices";
import {
  createApplicationSchema,
  type CreateApplicationInput,
  type CreateApplicationValues,
  type UpdateApplicationInput,
} from "@/lib/applications/form-schema";

type CreateForm = UseFormReturn<CreateApplicationInput, unknown, CreateApplicationValues>;

/** The form as it opens, and as it is reset to when it closes. */
export const EMPTY: CreateApplicationInput = {
  name: "",
  clientType: undefined as unknown as CreateApplicationInput["clientType"],
  redirectUris: [""],
  postLogoutRedirectUris: [],
  scopes: [],
  iconIdentifier: "",
};

/** The form's state, checked in the browser by the same schema as the server action uses. */
export function useCreateForm(): CreateForm {
  return useForm<CreateApplicationInput, unknown, CreateApplicationValues>({
    resolver: zodResolver(createApplicationSchema),
    defaultValues: EMPTY,
    mode: "onTouched",
    // Focus goes to the first invalid field in reading order, URI rows and groups included.
    shouldFocusError: false,
  });
}

/**
 * The create form itself, inside its dialog: the client type first (it decides whether there are
 * redirect URIs), the fields create shares with edit with `nameNotice` under the name, why the last
 * try failed, and the buttons. The dialog holds the state; this renders it.
 */
export function CreateApplicationForm({
  form,
  formRef,
  pending: disabled,
  pendingLabel = "Creating…",
  failure,
  nameNotice,
  onSubmit,
  onCancel,
}: {
  form: CreateForm;
  formRef: Ref<HTMLFormElement>;
  pending: boolean;
  /** What the submit button says while `pending`: the name check, then the create. */
  pendingLabel?: string;
  failure: ChangeFailure | null;
  nameNotice: ReactNode;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  onCancel(): void;
}) {
  const clientType = useWatch({ control: form.control, name: "clientType" });
  const usesRedirects = clientType ? CLIENT_TYPE_CHOICES[clientType].usesRedirects : true;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6" aria-busy={disabled}>
      <Controller
        control={form.control}
        name="clientType"
        render={({ field, fieldState }) => (
          <ClientTypeField
            value={field.value}
            onChange={(next) => {
              field.onChange(next);
              // Machine-to-machine clients have no users to redirect: clear the lists rather
              // than leave hidden values the schema would refuse.
              if (!CLIENT_TYPE_CHOICES[next].usesRedirects) {
                form.setValue("redirectUris", []);
                form.setValue("postLogoutRedirectUris", []);
              } else if (form.getValues("redirectUris").length === 0) {
                form.setValue("redirectUris", [""]);
              }
            }}
            error={fieldState.error?.message}
            disabled={disabled}
          />
        )}
      />
      <ApplicationFields
        control={form.control as unknown as Control<UpdateApplicationInput>}
        register={form.register as unknown as UseFormRegister<UpdateApplicationInput>}
        errors={form.formState.errors}
        disabled={disabled}
        showRedirects={usesRedirects}
        showPostLogout={usesRedirects}
        clientType={clientType}
        nameNotice={nameNotice}
      />
      <ChangeFailureAlert
        failure={failure}
        unknownTitle="It is not known whether it was created"
        failedTitle="Not created"
      />
      <DialogFooter>
        <FormButtons
          pending={disabled}
          onCancel={onCancel}
          submitLabel="Create application"
          pendingLabel={pendingLabel}
        />
      </DialogFooter>
    </form>
  );
}
