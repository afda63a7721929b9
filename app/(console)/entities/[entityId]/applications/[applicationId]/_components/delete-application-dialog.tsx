"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { applicationsQueryKey } from "@/components/applications/applications-query-key";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { confirmationPhrase } from "../confirmation";
import { applicationsPath } from "../paths";
import { ConfirmChangeDialog, type ChangeFailure } from "./confirm-change-dialog";
import { useDeleteApplication } from "./use-delete-application";

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
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<ChangeFailure | null>(null);
  const { begin, submit, pending } = useDeleteApplication(entityId, application.id);
  const phrase = confirmationPhrase(application);

  const close = () => {
    setOpen(false);
    if (failure?.unknown) {
      // Reloaded, the page shows whether it is still there (or Wink's not-found).
      router.refresh();
      void queryClient.invalidateQueries({ queryKey: applicationsQueryKey(entityId) });
    }
    setFailure(null);
  };

  const confirm = async (typed: string) => {
    setFailure(null);
    const result = await submit(typed);
    if (!result) return;
    if (result.ok) {
      setOpen(false);
      // The name is Wink's text: isolated, so that its direction cannot reorder the toast's words.
      toast.success(
        <>
          <bdi>{result.data.name || phrase}</bdi> was deleted.
        </>,
      );
      void queryClient.invalidateQueries({ queryKey: applicationsQueryKey(entityId) });
      router.push(applicationsPath(entityId));
      return;
    }
    setFailure({
      message: result.error,
      unknown: result.outcomeUnknown === true,
      field: result.fieldErrors?.confirmName,
    });
  };

  return (
    <>
      <Button
        type="button"
        variant="outline"
        className="border-red-300 text-red-800 hover:bg-red-50"
        onClick={() => {
          setFailure(null);
          begin();
          setOpen(true);
        }}
      >
        <Trash2 aria-hidden="true" /> Delete
      </Button>

      <ConfirmChangeDialog
        open={open}
        onClose={close}
        title={<>Delete {application.name || phrase}?</>}
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
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
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
