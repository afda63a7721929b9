"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { SecretRevealCredentials } from "./secret-reveal-credentials";
import { SecretRevealUsage, type ClientType } from "./secret-reveal-usage";

export interface SecretRevealBodyProps {
  clientId: string;
  secretKey: string;
  applicationName: string;
  clientType?: ClientType;
  tokenUrl: string;
  scopes?: readonly string[];
  mode: "created" | "rotated";
  onDone(): void;
}

/**
 * Everything inside the reveal dialog. Mounted only while the dialog is open, so "revealed" and
 * "stored" start from false for every new pair and vanish with it.
 */
export function SecretRevealBody({
  clientId,
  secretKey,
  applicationName,
  clientType,
  tokenUrl,
  scopes,
  mode,
  onDone,
}: SecretRevealBodyProps) {
  const [revealed, setRevealed] = useState(false);
  const [stored, setStored] = useState(false);
  const storedId = useId();
  const hintId = useId();

  return (
    <>
      <DialogHeader>
        <DialogTitle>
          {mode === "rotated" ? "New credentials issued" : "Application created"}
        </DialogTitle>
        <DialogDescription>
          Copy the client ID and secret of{" "}
          <strong className="text-foreground">
            <bdi>{applicationName}</bdi>
          </strong>{" "}
          and store them somewhere safe, such as a secret manager.
        </DialogDescription>
      </DialogHeader>

      <Alert variant="warning" announce={false} title="This secret will not be shown again.">
        Once this dialog closes it cannot be retrieved, by you or by Wink. If it is lost, the
        credentials have to be rotated.
      </Alert>
      {mode === "rotated" ? (
        <Alert variant="error" announce={false} title="The old credentials stopped working">
          The previous client ID and secret were revoked at once. Update everything that used them,
          including links and web components that embed the old client ID.
        </Alert>
      ) : null}

      <SecretRevealCredentials
        clientId={clientId}
        secretKey={secretKey}
        revealed={revealed}
        onRevealedChange={setRevealed}
      />
      <SecretRevealUsage
        clientId={clientId}
        secretKey={secretKey}
        revealed={revealed}
        clientType={clientType}
        tokenUrl={tokenUrl}
        scopes={scopes}
      />

      <div className="flex items-start gap-3 rounded-md border border-border-strong bg-subtle p-3">
        <Checkbox
          id={storedId}
          checked={stored}
          onCheckedChange={(checked) => setStored(checked === true)}
          data-testid="reveal-stored-checkbox"
          className="mt-0.5"
        />
        <Label htmlFor={storedId} className="leading-snug">
          I have stored the secret
        </Label>
      </div>

      <DialogFooter className="items-center">
        {stored ? null : (
          <p id={hintId} className="text-sm text-muted-foreground sm:mr-auto">
            Tick the box above to finish.
          </p>
        )}
        <Button
          type="button"
          onClick={onDone}
          disabled={!stored}
          aria-describedby={stored ? undefined : hintId}
          data-testid="reveal-done"
        >
          Done
        </Button>
      </DialogFooter>
    </>
  );
}
