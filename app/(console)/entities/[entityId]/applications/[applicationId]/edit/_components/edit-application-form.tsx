"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { useForm } from "react-hook-form";
import { useSubmitOnce } from "@/components/applications/changes/use-submit-once";
import { applicationsQueryKey } from "@/components/applications/data/applications-query-key";
import type { ChangeFailure } from "@/components/applications/form/change-failure-alert";
import { DiscardChangesDialog } from "@/components/applications/form/discard-changes-dialog";
import { useFocusFirstError } from "@/components/applications/form/use-focus-first-error";
import { toast } from "@/components/ui/toast";
import {
  updateApplicationSchema,
  type UpdateApplicationInput,
  type UpdateApplicationValues,
} from "@/lib/applications/form-schema";
import { applicationPath } from "@/lib/applications/routes";
import { missingScopes } from "@/lib/applications/scope-diff";
import type { Application } from "@/lib/wink-contract/schemas";
import { updateApplication } from "../actions";
import { EditApplicationFields } from "./edit-application-fields";
import { formValuesOf, isFormField, type EditableRecord } from "./edit-form-values";
import { useUnloadWarning } from "./use-unload-warning";

const UNANSWERED =
  "The console did not answer. The changes may or may not have been saved: reload the application before you edit it again.";

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
  const [formError, setFormError] = useState<ChangeFailure | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  // One save per submit; the list query is dropped once the save is through.
  const send = useCallback(
    (submissionId: string, values: UpdateApplicationValues) =>
      updateApplication(entityId, application.id, submissionId, values),
    [entityId, application.id],
  );
  const { submit, pending } = useSubmitOnce(send, UNANSWERED);
  const back = applicationPath(entityId, application.id);

  const form = useForm<UpdateApplicationInput, unknown, UpdateApplicationValues>({
    resolver: zodResolver(updateApplicationSchema),
    defaultValues: formValuesOf(application, record),
    mode: "onTouched",
    // Focus goes to the first invalid field in reading order, URI rows and groups included.
    shouldFocusError: false,
  });
  const { ref: formRef, focusFirstError } = useFocusFirstError<HTMLFormElement>();
  const dirty = form.formState.isDirty;

  useUnloadWarning(dirty);

  const leave = () => router.push(back);

  const onValid = async (values: UpdateApplicationValues) => {
    setFormError(null);
    const lost = isConsoleApplication ? missingScopes(consoleScopes, values.scopes) : [];
    if (lost.length > 0) {
      form.setError("scopes", {
        message: `The console uses this application and needs ${lost.join(", ")}: keep ${
          lost.length === 1 ? "it" : "them"
        }.`,
      });
      focusFirstError();
      return;
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
      if (isFormField(field)) form.setError(field as keyof UpdateApplicationInput, { message });
      else elsewhere.push(message);
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
        <EditApplicationFields
          form={form}
          savedScopes={application.scopes}
          record={record}
          consoleScopes={isConsoleApplication ? consoleScopes : null}
          pending={pending}
          failure={formError}
          onCancel={() => (dirty ? setConfirmDiscard(true) : leave())}
        />
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
