"use client";

import { useWatch, type UseFormReturn } from "react-hook-form";
import { ApplicationFields } from "@/components/applications/form/application-fields";
import {
  ChangeFailureAlert,
  type ChangeFailure,
} from "@/components/applications/form/change-failure-alert";
import { RecordFields } from "@/components/applications/record/record-fields";
import { Alert } from "@/components/ui/alert";
import { FormButtons } from "@/components/applications/form/form-buttons";
import type {
  UpdateApplicationInput,
  UpdateApplicationValues,
} from "@/lib/applications/form-schema";
import { RECORD_UNAVAILABLE_MESSAGE } from "@/lib/applications/listed-application";
import { diffScopes, unknownScopes } from "@/lib/applications/scope-diff";
import type { EditableRecord } from "./edit-form-values";
import { ScopeChanges } from "./scope-changes";
import { UnknownScopesNotice } from "./unknown-scopes-notice";

/**
 * What the edit form shows, top to bottom: a warning when the console itself uses the application,
 * the fields create and edit share, the console's own fields (or why they are missing), scopes
 * outside the catalogue, the scope changes against what Wink has, why the last save failed, and
 * the buttons. The form holds the state; this renders it.
 */
export function EditApplicationFields({
  form,
  savedScopes,
  record,
  consoleScopes,
  pending,
  failure,
  onCancel,
}: {
  form: UseFormReturn<UpdateApplicationInput, unknown, UpdateApplicationValues>;
  /** The scopes Wink has now: the changes are shown against them. */
  savedScopes: readonly string[];
  record: EditableRecord | null;
  /** The scopes the console needs when it uses this application; null when it does not. */
  consoleScopes: readonly string[] | null;
  pending: boolean;
  failure: ChangeFailure | null;
  onCancel(): void;
}) {
  const scopes = useWatch({ control: form.control, name: "scopes" }) ?? [];
  const outsideCatalogue = unknownScopes(scopes);
  return (
    <>
      {consoleScopes ? (
        <Alert variant="warning" announce={false} title="Used by this console">
          The console calls Wink with this application&apos;s credential. Keep{" "}
          {consoleScopes.join(", ")}, or the console loses access to Wink.
        </Alert>
      ) : null}

      <ApplicationFields
        control={form.control}
        register={form.register}
        errors={form.formState.errors}
        disabled={pending}
        showRedirects
        showPostLogout
      />

      {record ? (
        <RecordFields
          register={form.register}
          errors={form.formState.errors}
          disabled={pending}
          unknownType={record.clientType === null ? { guess: record.guess } : undefined}
        />
      ) : (
        <Alert variant="warning" announce={false} data-testid="record-unavailable">
          {RECORD_UNAVAILABLE_MESSAGE}
        </Alert>
      )}

      <UnknownScopesNotice
        scopes={outsideCatalogue}
        disabled={pending}
        onRemove={() =>
          form.setValue(
            "scopes",
            scopes.filter((scope) => !outsideCatalogue.includes(scope)),
            { shouldDirty: true, shouldValidate: true },
          )
        }
      />

      <ScopeChanges diff={diffScopes(savedScopes, scopes)} />

      <ChangeFailureAlert
        failure={failure}
        unknownTitle="It is not known whether the changes were saved"
        failedTitle="Not saved"
      />

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <FormButtons
          pending={pending}
          onCancel={onCancel}
          submitLabel="Save changes"
          pendingLabel="Saving…"
        />
      </div>
    </>
  );
}
