"use client";

import type { ReactElement } from "react";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";

/**
 * The whole of a value that its cell truncates, on hover and on keyboard focus. `children` must be
 * focusable (a link, a button, or an element with tabIndex 0) and hold the full text in the DOM, so
 * screen readers read all of it whatever the tooltip does. The text is bidi-isolated: it comes from
 * an admin or from Wink.
 */
export function FullTextTooltip({ text, children }: { text: string; children: ReactElement }) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>{children}</TooltipTrigger>
      <TooltipContent className="max-w-sm break-all" data-testid="full-text-tooltip">
        <bdi>{text}</bdi>
      </TooltipContent>
    </Tooltip>
  );
}
