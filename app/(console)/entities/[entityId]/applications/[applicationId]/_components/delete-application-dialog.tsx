"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { useSubmitOnce } from "@/components/applications/changes/use-submit-once";
import { applicationsQueryKey } from "@/components/applications/data/applications-query-key";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { confirmationPhrase } from "@/lib/applications/confirmation";
import { isBlankText } from "@/lib/applications/display-text";
import { applicationsPath } from "@/lib/applications/routes";
import { ConfirmChangeDialog } from "./confirm-change-dialog";
import { useConfirmChange } from "./use-confirm-change";
import { deleteApplication } from "../actions";

const UNANSWERED =
  "The console did not answer, so the application may or may not have been deleted. Close this " +
  "dialog and reload the page before trying again.";

/** "Delete": armed by the typed name; on Wink's `success: true`, back to the list. */
export function DeleteApplicationDialog({
  entityId,
  application,
}: {
  entityId: string;
  application: { id: string; name: string; clientId: string };
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const phrase = confirmationPhrase(application);
  const shown = isBlankText(application.name) ? phrase : application.name;

  // One delete per confirmed click.
  const send = useCallback(
    (submissionId: string, confirmName: string) =>
      deleteApplication(entityId, application.id, submissionId, confirmName),
    [entityId, application.id],
  );
  const { open, openDialog, close, confirm, failure, pending } = useConfirmChange({
    change: useSubmitOnce(send, UNANSWERED),
    onDone() {
      // The name is Wink's text: isolated, so that its direction cannot reorder the toast's words.
      toast.success(
        <>
          <bdi>{shown}</bdi> was deleted.
        </>,
      );
      // Dropped, not invalidated: the list page renders with fresh rows from the server, and an
      // invalidated cached copy would make it load the list a second time.
      queryClient.removeQueries({ queryKey: applicationsQueryKey(entityId) });
      router.push(applicationsPath(entityId));
    },
    onUnknownClosed() {
      // Reloaded, the page shows whether it is still there (or Wink's not-found).
      router.refresh();
      void queryClient.invalidateQueries({ queryKey: applicationsQueryKey(entityId) });
    },
  });

  return (
    <>
      <Button
        type="button"
        variant="outline"
        className="border-error-border text-error hover:bg-error-background"
        onClick={openDialog}
      >
        <Trash2 aria-hidden="true" /> Delete
      </Button>

      <ConfirmChangeDialog
        open={open}
        onClose={close}
        title={
          <>
            Delete <bdi>{shown}</bdi>?
          </>
        }
        description="The application is removed from Wink and its client ID and secret stop working at once. This cannot be undone."
        phrase={phrase}
        confirmLabel="Delete application"
        pendingLabel="Deleting…"
        pending={pending}
        failure={failure}
        failureTitles={{
          unknown: "The application may have been deleted",
          failed: "The application was not deleted",
        }}
        onConfirm={confirm}
      >
        <ul className="list-disc space-y-1 pl-5 text-sm text-body">
          <li>
            Everything that signs in or requests tokens with it stops working, including
            booking-engine links and web components that embed its client ID.
          </li>
          <li>To keep the integrations but change the secret, rotate the credentials instead.</li>
        </ul>
      </ConfirmChangeDialog>
    </>
  );
}
