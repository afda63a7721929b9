"use client";

import { useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useRef } from "react";
import { useSubmitOnce } from "@/components/applications/changes/use-submit-once";
import { applicationsQueryKey } from "@/components/applications/data/applications-query-key";
import {
  preloadSecretReveal,
  useRevealSecret,
} from "@/components/applications/secret-reveal/secret-reveal-host";
import { Button } from "@/components/ui/button";
import { confirmationPhrase } from "@/lib/applications/confirmation";
import { isBlankText } from "@/lib/applications/display-text";
import { ConfirmChangeDialog } from "./confirm-change-dialog";
import { useConfirmChange } from "./use-confirm-change";
import { rotateApplicationCredentials } from "../actions";

const UNANSWERED =
  "The console did not answer, so the credentials may or may not have been rotated. Close this " +
  "dialog and look at the application's client ID: if it changed, the rotate happened and the new " +
  "secret is lost, so rotate again. If it is unchanged, it is safe to try again.";

/**
 * "Rotate credentials": a danger dialog armed by the typed name, one rotate per confirmed click,
 * then the new pair in the shown-once dialog that the root layout holds (so that nothing this page
 * does can unmount it). The page and the list refresh only after that dialog closes, once the pair
 * has been dropped.
 */
export function RotateCredentialsDialog({
  entityId,
  application,
  tokenUrl,
}: {
  entityId: string;
  application: { id: string; name: string; clientId: string };
  tokenUrl: string;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const trigger = useRef<HTMLButtonElement>(null);
  const reveal = useRevealSecret();
  // Set when the pair goes to the reveal dialog: focus then stays with that dialog.
  const handedOver = useRef(false);
  const phrase = confirmationPhrase(application);
  const shown = isBlankText(application.name) ? phrase : application.name;

  const refreshEverywhere = () => {
    router.refresh();
    void queryClient.invalidateQueries({ queryKey: applicationsQueryKey(entityId) });
  };

  // One rotate per confirmed click, of the client ID the admin saw (the server refuses if it
  // changed). The result holds the new secret: it goes straight to the reveal dialog's state.
  // The shown-once dialog's code is fetched alongside, so the new pair does not wait for it.
  const send = useCallback(
    (submissionId: string, confirmName: string) => {
      preloadSecretReveal();
      return rotateApplicationCredentials(
        entityId,
        application.id,
        submissionId,
        confirmName,
        application.clientId,
      );
    },
    [entityId, application.id, application.clientId],
  );
  const { open, openDialog, close, confirm, failure, pending } = useConfirmChange({
    change: useSubmitOnce(send, UNANSWERED),
    onDone(rotated) {
      handedOver.current = true;
      reveal({
        credentials: rotated,
        applicationName: shown,
        tokenUrl,
        mode: "rotated",
        finalFocusRef: trigger,
        onClosed: refreshEverywhere,
      });
    },
    // After an unknown outcome the page must show the client ID as Wink has it now: that is how
    // the admin tells whether the rotate happened.
    onUnknownClosed: refreshEverywhere,
  });

  return (
    <>
      <Button ref={trigger} type="button" variant="outline" onClick={openDialog}>
        <RefreshCw aria-hidden="true" /> Rotate credentials
      </Button>

      <ConfirmChangeDialog
        open={open}
        onClose={close}
        title={
          <>
            Rotate the credentials of <bdi>{shown}</bdi>?
          </>
        }
        description="Wink will issue a new client ID and a new secret. The current client ID and secret stop working immediately."
        phrase={phrase}
        confirmLabel="Rotate credentials"
        pendingLabel="Rotating…"
        pending={pending}
        failure={failure}
        failureTitles={{
          unknown: "The credentials may have been rotated",
          failed: "The credentials were not rotated",
        }}
        onConfirm={confirm}
        onCloseAutoFocus={(event) => {
          // The reveal dialog takes focus next; the trigger gets it back when that one closes.
          if (handedOver.current) event.preventDefault();
          handedOver.current = false;
        }}
      >
        <ul className="list-disc space-y-1 pl-5 text-sm text-body">
          <li>
            Every integration that uses the current pair breaks until it is updated: server code
            that requests tokens, and booking-engine links and web components that embed the client
            ID.
          </li>
          <li>The new secret is shown once, right after the rotate. Have a safe place ready.</li>
          <li>This cannot be undone.</li>
        </ul>
      </ConfirmChangeDialog>
    </>
  );
}
