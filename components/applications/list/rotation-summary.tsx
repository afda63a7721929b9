"use client";

import { AlertTriangle } from "lucide-react";
import type { MouseEvent } from "react";
import { describeSummary, type StandingSummary } from "@/lib/applications/secret-policy";
import { listParamsToSearch, type ListParams } from "@/lib/applications/list-params";
import { cn } from "@/lib/utils";

/**
 * Above the table: "3 overdue, 2 due within 14 days", a link to the "needs rotation" view; nothing
 * when nothing needs rotation. A real link (it opens in a new tab, and reads as one), which in this
 * tab updates the view without a page load, as a new history entry.
 */
export function RotationSummary({
  summary,
  view,
  onShow,
}: {
  summary: StandingSummary;
  /** The view now, so the link keeps the rest of it. */
  view: ListParams;
  onShow: () => void;
}) {
  const words = describeSummary(summary);
  if (words === null) return null;
  const href = listParamsToSearch({ ...view, rotation: "needed", page: 1 }) || "?";
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    onShow();
  };
  return (
    <p className="flex items-center gap-2 text-sm" data-testid="rotation-summary">
      <AlertTriangle
        aria-hidden="true"
        className={cn("size-4", summary.overdue > 0 ? "text-destructive" : "text-warning-strong")}
      />
      <a
        href={href}
        onClick={onClick}
        className="rounded-sm font-medium text-link underline-offset-2 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        {words}
        <span className="sr-only">: show the secrets that need rotation</span>
      </a>
    </p>
  );
}
