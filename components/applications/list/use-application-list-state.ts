"use client";

import { useQueryStates } from "nuqs";
import { useEffect, useRef, useState } from "react";
import {
  DEFAULT_DIRECTION,
  listParamsParsers,
  type ListParams,
  type PageSize,
  type SortKey,
} from "@/lib/applications/list-params";

const SEARCH_DEBOUNCE_MS = 250;

/**
 * True for a click that makes this tab follow a link: the primary button with no modifier, on a
 * link that opens here. Such a click starts a navigation that a URL write must not undo.
 */
function startsNavigation(event: MouseEvent): boolean {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return false;
  }
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!link || link.hasAttribute("download")) return false;
  const target = link.getAttribute("target");
  return !target || target === "_self";
}

/**
 * The list's view (search, filters, sort, paging), kept in the URL through nuqs so that a reload
 * or a shared link shows the same view. Writes are shallow (`history.replaceState`, no request to
 * the server, which would reload the whole list from Wink) and replace the entry (a keystroke or a
 * filter is not a history entry). nuqs updates the state at once and the URL a beat later.
 *
 * The search box updates at once; the URL, and with it the view the server is asked for, after a
 * pause, so a burst of keystrokes costs one request. That pause is a timer of this hook rather
 * than nuqs's debounce, because it must be cancellable: a click on a link (an application's
 * row) or back and forward drops the pending write, since a URL write landing while the next page
 * loads would take the browser back to the list.
 */
export function useApplicationListState() {
  const [params, setParams] = useQueryStates(listParamsParsers, {
    shallow: true,
    history: "replace",
    scroll: false,
  });
  const [searchText, setSearchTextNow] = useState(params.q);
  // The search text as the URL last held it: a change that is not ours (a link, back and forward)
  // replaces the box's text. Blank text is left out of the URL, hence the trimmed comparison.
  const [seenQ, setSeenQ] = useState(params.q);
  if (params.q !== seenQ) {
    setSeenQ(params.q);
    if (params.q.trim() !== searchText.trim()) setSearchTextNow(params.q);
  }

  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    const cancel = () => {
      window.clearTimeout(timer.current);
      timer.current = undefined;
    };
    // Capture phase: before the link's own handler starts the navigation.
    const onClick = (event: MouseEvent) => {
      if (startsNavigation(event)) cancel();
    };
    document.addEventListener("click", onClick, true);
    window.addEventListener("popstate", cancel);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("popstate", cancel);
      cancel();
    };
  }, []);

  // The view is the URL's: the search text joins it once the pause is over.
  const view: ListParams = params;

  /** Any change but the search text; back to page one unless a page is given. */
  function update(patch: Partial<Omit<ListParams, "q">>): void {
    window.clearTimeout(timer.current);
    void setParams({ ...patch, q: searchText, page: patch.page ?? 1 });
  }

  /** The sorted column flips direction; another column starts in its natural direction. */
  function toggleSort(column: SortKey): void {
    const { sort, dir } = params;
    update({
      sort: column,
      dir: column === sort ? (dir === "asc" ? "desc" : "asc") : DEFAULT_DIRECTION[column],
    });
  }

  /** A new page size keeps `firstRow` (1-based) in view rather than jumping back to the top. */
  function setPageSize(size: PageSize, firstRow: number): void {
    update({ size, page: firstRow > 0 ? Math.floor((firstRow - 1) / size) + 1 : 1 });
  }

  function setSearchText(text: string): void {
    setSearchTextNow(text);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      void setParams({ q: text, page: 1 });
    }, SEARCH_DEBOUNCE_MS);
  }

  function clearFilters(): void {
    window.clearTimeout(timer.current);
    setSearchTextNow("");
    void setParams({ q: "", type: null, section: null, risk: null, rotation: null, page: 1 });
  }

  /**
   * The "needs rotation" view, as a new history entry (the summary's link): Back returns to the
   * view before it. The search text typed so far goes with it.
   */
  function showNeedsRotation(): void {
    window.clearTimeout(timer.current);
    void setParams({ q: searchText, rotation: "needed", page: 1 }, { history: "push" });
  }

  return {
    view,
    searchText,
    /** True while the table still shows the results of an older search text. */
    isSearchPending: searchText.trim() !== params.q.trim(),
    setSearchText,
    update,
    toggleSort,
    setPageSize,
    clearFilters,
    showNeedsRotation,
  };
}
