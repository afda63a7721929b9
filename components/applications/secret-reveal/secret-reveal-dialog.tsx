"use client";

import type { RefObject } from "react";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { SecretRevealBody } from "./secret-reveal-body";
import { SecretRevealConfirm } from "./secret-reveal-confirm";
import type { ClientType } from "./secret-reveal-usage";
import { useGuardedClose } from "./use-guarded-close";

export type { ClientType } from "./secret-reveal-usage";

export interface SecretRevealDialogProps {
  /** The pair from the create or rotate result. The dialog is open while this is non-null. */
  credentials: { clientId: string; secretKey: string } | null;
  applicationName: string;
  /** Unknown after a rotate (Wink does not return it): the token example is shown then. */
  clientType?: ClientType;
  /** The OAuth2 token endpoint, for the example request. */
  tokenUrl: string;
  scopes?: string[];
  mode: "created" | "rotated";
  /** Called once the admin is done: drop the credentials (set them to null), then refresh lists. */
  onClosed(): void;
  /** Where focus goes after closing; the dialog has no trigger to return to. */
  finalFocusRef?: RefObject<HTMLElement | null>;
}

/**
 * The shown-once dialog for a new client ID and secret. It closes only through Done (after the
 * admin confirms they stored the secret) or "Close anyway"; Escape and outside clicks ask first,
 * and leaving the page is guarded while it is open.
 *
 * SECURITY: the secret lives only in the parent's state and in this subtree's props. Nothing here
 * copies it into a ref, storage, the URL, a toast or a log, and the body unmounts on close, so once
 * the parent sets `credentials` to null nothing in the component tree still holds it.
 */
export function SecretRevealDialog({
  credentials,
  applicationName,
  clientType,
  tokenUrl,
  scopes,
  mode,
  onClosed,
  finalFocusRef,
}: SecretRevealDialogProps) {
  const guard = useGuardedClose({ open: credentials !== null, onClose: onClosed });

  return (
    <Dialog {...guard.dialogProps}>
      <DialogContent
        showCloseButton={false}
        className="max-w-2xl"
        {...guard.contentProps}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          finalFocusRef?.current?.focus();
        }}
      >
        {credentials ? (
          <SecretRevealBody
            // A new pair (e.g. two rotations in a row) starts masked and unconfirmed again.
            key={credentials.clientId}
            clientId={credentials.clientId}
            secretKey={credentials.secretKey}
            applicationName={applicationName}
            clientType={clientType}
            tokenUrl={tokenUrl}
            scopes={scopes}
            mode={mode}
            onDone={guard.close}
          />
        ) : null}
        <SecretRevealConfirm {...guard.confirmProps} onConfirm={guard.close} />
      </DialogContent>
    </Dialog>
  );
}
