"use client";

import { useSearchParams } from "next/navigation";
import { useDeferredValue, useEffect, useRef, useState } from "react";
import {
  DEFAULT_DIRECTION,
  listParamsToSearch,
  parseListParams,
  type ListParams,
  type PageSize,
  type SortKey,
} from "./application-list-params";

const SEARCH_DEBOUNCE_MS = 250;

/**
 * Writes the view into the URL without a navigation. `window.history.replaceState` is integrated
 * with Next's router (useSearchParams follows it) but, unlike `router.replace`, does not ask the
 * server to render the page again: that would reload the whole list from Wink on every filter
 * change. Replace, not push: each keystroke or filter is not a history entry.
 */
function writeUrl(params: ListParams): void {
  const { pathname, search, hash } = window.location;
  const query = listParamsToSearch(params, new URLSearchParams(search));
  window.history.replaceState(null, "", `${pathname}${query}${hash}`);
}

/** The view the URL holds now: every change is written to it at once, so it is never behind. */
function currentUrlParams(): ListParams {
  return parseListParams(new URLSearchParams(window.location.search));
}

/**
 * The list's view (search, filters, sort, paging): read from the URL, kept in state so that a
 * change shows at once (Next applies URL changes in a transition, a noticeable beat later), and
 * written back to the URL. The search box updates at once, the table follows through
 * `useDeferredValue` (typing never waits for a 10,000-row filter) and the URL after a pause.
 */
export function useApplicationListState() {
  const searchParams = useSearchParams();
  const fromUrl = parseListParams(searchParams);
  const urlKey = listParamsToSearch(fromUrl);

  const [params, setParams] = useState(fromUrl);
  const [searchText, setSearchTextNow] = useState(fromUrl.q);
  // The URL as last seen, and as this hook last wrote it: a change that is not our own write
  // (a link, back and forward) replaces the state.
  const [seenKey, setSeenKey] = useState(urlKey);
  const [writtenKey, setWrittenKey] = useState(urlKey);
  if (urlKey !== seenKey) {
    setSeenKey(urlKey);
    if (urlKey !== writtenKey) {
      setWrittenKey(urlKey);
      setParams(fromUrl);
      setSearchTextNow(fromUrl.q);
    }
  }

  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  function commit(next: ListParams): void {
    setParams(next);
    setWrittenKey(listParamsToSearch(next));
    writeUrl(next);
  }

  const deferredText = useDeferredValue(searchText);
  // Until the search text is committed, a new search starts on page one.
  const view: ListParams = {
    ...params,
    q: deferredText,
    page: deferredText === params.q ? params.page : 1,
  };

  /** Any change but the search text; back to page one unless a page is given. */
  function update(patch: Partial<Omit<ListParams, "q">>): void {
    window.clearTimeout(timer.current);
    commit({ ...params, ...patch, q: searchText, page: patch.page ?? 1 });
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
    timer.current = window.setTimeout(
      () => commit({ ...currentUrlParams(), q: text, page: 1 }),
      SEARCH_DEBOUNCE_MS,
    );
  }

  function clearFilters(): void {
    window.clearTimeout(timer.current);
    setSearchTextNow("");
    commit({ ...params, q: "", type: null, section: null, risk: null, page: 1 });
  }

  return {
    view,
    searchText,
    /** True while the table still shows the results of an older search text. */
    isSearchPending: deferredText !== searchText,
    setSearchText,
    update,
    toggleSort,
    setPageSize,
    clearFilters,
  };
}
