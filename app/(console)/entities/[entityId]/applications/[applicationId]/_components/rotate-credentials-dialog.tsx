"use client";

import { useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { applicationsQueryKey } from "@/components/applications/data/applications-query-key";
import { useRevealSecret } from "@/components/applications/secret-reveal/secret-reveal-host";
import { Button } from "@/components/ui/button";
import { confirmationPhrase } from "../confirmation";
import { ConfirmChangeDialog, type ChangeFailure } from "./confirm-change-dialog";
import { useRotateCredentials } from "./use-rotate-credentials";

/**
 * "Rotate credentials": a danger dialog armed by the typed name, one rotate per confirmed click,
 * then the new pair in the shown-once dialog that the root layout holds. The page and the list
 * refresh only after that dialog closes, once the pair has been dropped.
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
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<ChangeFailure | null>(null);
  const reveal = useRevealSecret();
  // Set when the pair goes to the reveal dialog: focus then stays with that dialog.
  const handedOver = useRef(false);
  const { begin, submit, pending } = useRotateCredentials(
    entityId,
    application.id,
    application.clientId,
  );
  const phrase = confirmationPhrase(application);

  const refreshEverywhere = () => {
    router.refresh();
    void queryClient.invalidateQueries({ queryKey: applicationsQueryKey(entityId) });
  };

  const close = () => {
    setOpen(false);
    // After an unknown outcome the page must show the client ID as Wink has it now: that is how
    // the admin tells whether the rotate happened.
    if (failure?.unknown) refreshEverywhere();
    setFailure(null);
  };

  const confirm = async (typed: string) => {
    setFailure(null);
    const result = await submit(typed);
    if (!result) return;
    if (result.ok) {
      handedOver.current = true;
      setOpen(false);
      reveal({
        credentials: result.data,
        applicationName: result.data.name || phrase,
        tokenUrl,
        mode: "rotated",
        finalFocusRef: trigger,
        onClosed: refreshEverywhere,
      });
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
        ref={trigger}
        type="button"
        variant="outline"
        onClick={() => {
          setFailure(null);
          begin();
          setOpen(true);
        }}
      >
        <RefreshCw aria-hidden="true" /> Rotate credentials
      </Button>

      <ConfirmChangeDialog
        open={open}
        onClose={close}
        title={<>Rotate the credentials of {application.name || phrase}?</>}
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
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
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
