"use client";

import { CopyButton } from "@/components/ui/copy-button";

// Snippets are built twice: with the real secret for the clipboard, and with this placeholder
// for the screen, where it is swapped for a mask. The displayed text therefore never contains the
// secret, whatever characters it has or however it is quoted.
const PLACEHOLDER = "WINKSECRETPLACEHOLDER";

/** The secret as shown while hidden: bullets for the eye, words for a screen reader. */
export function MaskedSecret() {
  return (
    <>
      <span aria-hidden="true">••••••••••••••••</span>
      <span className="sr-only">secret hidden</span>
    </>
  );
}

function Masked({ text }: { text: string }) {
  const parts = text.split(PLACEHOLDER);
  return parts.map((part, index) => (
    <span key={index}>
      {index > 0 ? <MaskedSecret /> : null}
      {part}
    </span>
  ));
}

/** A copyable code block: the display follows the Reveal toggle, the copy is always real. */
export function SecretRevealSnippet({
  heading,
  description,
  copyLabel,
  build,
  secret,
  revealed,
}: {
  heading: string;
  description?: string;
  copyLabel: string;
  build(secret: string): string;
  secret: string;
  revealed: boolean;
}) {
  return (
    <section className="grid gap-2">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h3 className="text-sm font-semibold text-foreground">{heading}</h3>
          {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
        </div>
        <CopyButton value={build(secret)} label={copyLabel} showText />
      </div>
      <pre className="rounded-md bg-code-block px-3 py-2 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-code-block-foreground">
        {revealed ? build(secret) : <Masked text={build(PLACEHOLDER)} />}
      </pre>
    </section>
  );
}
