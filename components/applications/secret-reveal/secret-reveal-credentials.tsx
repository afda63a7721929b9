"use client";

import { Eye, EyeOff } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { MaskedSecret } from "./secret-reveal-snippets";

const valueClasses =
  "block min-w-0 flex-1 rounded-md border border-border bg-subtle px-3 py-2 font-mono text-sm break-all text-foreground select-all";

/** The client ID and the secret, each with a copy button; the secret masked until revealed. */
export function SecretRevealCredentials({
  clientId,
  secretKey,
  revealed,
  onRevealedChange,
}: {
  clientId: string;
  secretKey: string;
  revealed: boolean;
  onRevealedChange(revealed: boolean): void;
}) {
  return (
    <dl className="grid gap-4">
      <div className="grid gap-1.5">
        <dt className="text-sm font-medium text-foreground">Client ID</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <code data-testid="reveal-client-id" className={valueClasses}>
            <bdi>{clientId}</bdi>
          </code>
          <CopyButton value={clientId} label="client ID" />
        </dd>
      </div>
      <div className="grid gap-1.5">
        <dt className="text-sm font-medium text-foreground">Client secret</dt>
        <dd className="flex flex-wrap items-center gap-2">
          {/* Masked by default: the screen may be shared or filmed when the dialog opens. */}
          <code data-testid="reveal-secret" className={valueClasses}>
            {revealed ? secretKey : <MaskedSecret />}
          </code>
          <Button
            type="button"
            variant="outline"
            size="sm"
            aria-pressed={revealed}
            onClick={() => onRevealedChange(!revealed)}
            data-testid="reveal-toggle"
            className="aria-pressed:bg-muted"
          >
            {revealed ? <EyeOff aria-hidden="true" /> : <Eye aria-hidden="true" />}
            {/* The label says what a press does now; aria-pressed says the secret is on screen. */}
            {revealed ? "Hide secret" : "Show secret"}
          </Button>
          <CopyButton value={secretKey} label="client secret" />
        </dd>
      </div>
    </dl>
  );
}
