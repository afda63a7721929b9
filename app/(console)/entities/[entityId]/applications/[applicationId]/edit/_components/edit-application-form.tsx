"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useFocusFirstError } from "@/components/applications/form/use-focus-first-error";
import { applicationsQueryKey } from "@/components/applications/data/applications-query-key";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { Application, ClientType } from "@/lib/wink-contract/schemas";
import { RecordFields } from "@/components/applications/record/record-fields";
import { RECORD_UNAVAILABLE_MESSAGE } from "@/lib/applications/listed-application";
import { ApplicationFields } from "@/components/applications/form/application-fields";
import { DiscardChangesDialog } from "@/components/applications/form/discard-changes-dialog";
import {
  updateApplicationSchema,
  type UpdateApplicationInput,
  type UpdateApplicationValues,
} from "@/lib/applications/form-schema";
import { applicationPath } from "@/lib/applications/routes";
import { diffScopes, missingScopes, unknownScopes } from "@/lib/applications/scope-diff";
import { ScopeChanges } from "./scope-changes";
import { UnknownScopesNotice } from "./unknown-scopes-notice";
import { useUpdateApplication } from "./use-update-application";

const FORM_FIELD =
  /^(name|iconIdentifier|scopes|redirectUris|postLogoutRedirectUris|description|owner|clientType)(\.\d+)?$/;

/** The console's fields as the form starts with them; null when the record is unavailable. */
export interface EditableRecord {
  description: string | null;
  owner: string | null;
  /** Null: unknown; the form offers `guess`. */
  clientType: ClientType | null;
  guess: ClientType;
}

function formValuesOf(
  application: Application,
  record: EditableRecord | null,
): UpdateApplicationInput {
  return {
    name: application.name,
    redirectUris: application.redirectUris,
    postLogoutRedirectUris: application.postLogoutRedirectUris,
    scopes: application.scopes,
    iconIdentifier: application.iconIdentifier ?? "",
    // Left out when the record is unavailable: the server then leaves them as they are.
    ...(record
      ? {
          description: record.description ?? "",
          owner: record.owner ?? "",
          ...(record.clientType === null ? { clientType: record.guess } : {}),
        }
      : {}),
  };
}

/**
 * The create form's fields, filled in from Wink, without the client type (Wink neither returns nor
 * changes it). Saves the whole editable object, shows the scope changes before saving, and asks
 * before throwing away unsaved changes.
 */
export function EditApplicationForm({
  entityId,
  application,
  isConsoleApplication,
  consoleScopes,
  record,
}: {
  entityId: string;
  application: Application;
  /** The console's own fields; null when its record is unavailable (they are not offered). */
  record: EditableRecord | null;
  isConsoleApplication: boolean;
  /** The scopes the console asks Wink for: its own application must keep them. */
  consoleScopes: readonly string[];
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<{ message: string; unknown: boolean } | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const { submit, pending } = useUpdateApplication(entityId, application.id);
  const back = applicationPath(entityId, application.id);

  const form = useForm<UpdateApplicationInput, unknown, UpdateApplicationValues>({
    resolver: zodResolver(updateApplicationSchema),
    defaultValues: formValuesOf(application, record),
    mode: "onTouched",
    // Focus goes to the first invalid field in reading order, URI rows and groups included.
    shouldFocusError: false,
  });
  const { ref: formRef, focusFirstError } = useFocusFirstError<HTMLFormElement>();
  const scopes = useWatch({ control: form.control, name: "scopes" }) ?? [];
  const diff = diffScopes(application.scopes, scopes);
  const outsideCatalogue = unknownScopes(scopes);
  const dirty = form.formState.isDirty;

  // Closing or reloading the tab with unsaved changes asks the browser's "Leave site?" first.
  // (Client-side navigation after a save or a discard does not fire beforeunload.)
  useEffect(() => {
    if (!dirty) return;
    function warn(event: BeforeUnloadEvent) {
      event.preventDefault();
      event.returnValue = "";
    }
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const leave = () => router.push(back);

  const onValid = async (values: UpdateApplicationValues) => {
    setFormError(null);
    if (isConsoleApplication) {
      const lost = missingScopes(consoleScopes, values.scopes);
      if (lost.length > 0) {
        form.setError("scopes", {
          message: `The console uses this application and needs ${lost.join(", ")}: keep ${
            lost.length === 1 ? "it" : "them"
          }.`,
        });
        focusFirstError();
        return;
      }
    }
    const result = await submit(values);
    if (!result) return;
    if (result.ok) {
      // Dropped, not invalidated: the list page renders with fresh rows from the server, which a
      // stale cached copy would override and then fetch again.
      queryClient.removeQueries({ queryKey: applicationsQueryKey(entityId) });
      // The name is Wink's text: isolated, so that its direction cannot reorder the toast's words.
      if (result.data.recordSaved) {
        toast.success(
          <>
            Saved the changes to <bdi>{result.data.name}</bdi>.
          </>,
        );
      } else {
        toast.error(
          <>
            Saved <bdi>{result.data.name}</bdi> in Wink, but the console&apos;s record is
            unavailable: the description, owner and client type were not saved.
          </>,
        );
      }
      // A navigation to a dynamic page renders it afresh; a refresh on top rendered it twice.
      leave();
      return;
    }
    const elsewhere: string[] = [];
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      if (FORM_FIELD.test(field)) {
        form.setError(field as keyof UpdateApplicationInput, { message });
      } else {
        elsewhere.push(message);
      }
    }
    setFormError({
      message: [result.error, ...elsewhere].join(" "),
      unknown: result.outcomeUnknown === true,
    });
    focusFirstError();
  };

  return (
    <>
      <form
        ref={formRef}
        onSubmit={(event) => void form.handleSubmit(onValid, focusFirstError)(event)}
        noValidate
        className="space-y-6"
        aria-busy={pending}
      >
        {isConsoleApplication ? (
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

        <ScopeChanges diff={diff} />

        {formError ? (
          <Alert
            variant={formError.unknown ? "warning" : "error"}
            title={
              formError.unknown ? "It is not known whether the changes were saved" : "Not saved"
            }
          >
            <bdi>{formError.message}</bdi>
          </Alert>
        ) : null}

        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button
            type="button"
            variant="outline"
            disabled={pending}
            onClick={() => (dirty ? setConfirmDiscard(true) : leave())}
          >
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            {pending ? "Saving…" : "Save changes"}
          </Button>
        </div>
      </form>

      <DiscardChangesDialog
        open={confirmDiscard}
        what="your changes"
        onKeepEditing={() => setConfirmDiscard(false)}
        onDiscard={() => {
          setConfirmDiscard(false);
          leave();
        }}
      />
    </>
  );
}
