"use client";

import { LoaderCircle, Plus } from "lucide-react";
import { useRef, useState, type ComponentType } from "react";
import { Button } from "@/components/ui/button";
import type { CreateApplicationFormDialog } from "./create-application-form-dialog";

type FormDialog = ComponentType<Parameters<typeof CreateApplicationFormDialog>[0]>;

let loading: Promise<FormDialog> | null = null;

/** The form's code (the form, the scope picker, the secret dialog), fetched once per page. */
function loadFormDialog(): Promise<FormDialog> {
  loading ??= import("./create-application-form-dialog").then(
    (module) => module.CreateApplicationFormDialog,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * The "Create application" button. The dialog behind it is most of the list page's JavaScript and
 * most visits never open it, so its code is fetched when the button is first pointed at, focused
 * or pressed, not with the list. While it loads, the button says so (aria-busy, a spinner) and
 * keeps its focus, so the dialog returns focus to it when it closes. A failed load says so next to
 * the button and lets the person press it again.
 */
export function CreateApplicationDialog({
  entityId,
  tokenUrl,
}: {
  entityId: string;
  tokenUrl: string;
}) {
  const trigger = useRef<HTMLButtonElement>(null);
  const [Loaded, setLoaded] = useState<FormDialog | null>(null);
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<"idle" | "loading" | "failed">("idle");

  const prefetch = () => void loadFormDialog().catch(() => undefined);
  const openDialog = () => {
    if (Loaded) return setOpen(true);
    if (state === "loading") return;
    setState("loading");
    loadFormDialog().then(
      (component) => {
        setLoaded(() => component);
        setState("idle");
        setOpen(true);
      },
      () => setState("failed"),
    );
  };

  const busy = state === "loading";
  return (
    <>
      <Button
        ref={trigger}
        type="button"
        onClick={openDialog}
        onPointerEnter={prefetch}
        onFocus={prefetch}
        // Not disabled while loading: a disabled button would lose the keyboard focus.
        aria-busy={busy || undefined}
        data-loading={busy || undefined}
      >
        {busy ? (
          <LoaderCircle aria-hidden="true" className="animate-spin" />
        ) : (
          <Plus aria-hidden="true" />
        )}
        Create application
      </Button>
      <span role="status" className="sr-only">
        {busy ? "Opening the form…" : ""}
      </span>
      {state === "failed" ? (
        <p role="alert" className="text-sm text-error">
          The form could not be loaded. Check your connection and press the button again.
        </p>
      ) : null}
      {Loaded ? (
        <Loaded
          entityId={entityId}
          tokenUrl={tokenUrl}
          open={open}
          onOpenChange={setOpen}
          trigger={trigger}
        />
      ) : null}
    </>
  );
}
