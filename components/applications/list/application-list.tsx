"use client";

import { Suspense, useMemo, useRef, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import {
  RECORD_UNAVAILABLE_MESSAGE,
  type ApplicationListData,
} from "@/lib/applications/listed-application";
import {
  describeRowPage,
  filterRows,
  indexApplications,
  pageRows,
  sortRows,
} from "./application-list-model";
import { isFiltered } from "./application-list-params";
import { ApplicationListPagination } from "./application-list-pagination";
import {
  EmptyState,
  ListErrorState,
  NoResultsState,
  StaleDataBanner,
} from "./application-list-states";
import { ApplicationListToolbar } from "./application-list-toolbar";
import { ApplicationTable } from "./application-table";
import { ApplicationTableSkeleton } from "./application-table-skeleton";
import { useApplicationListState } from "./use-application-list-state";
import {
  useApplicationsQuery,
  type ListFailure,
} from "@/components/applications/data/use-applications-query";

export interface ApplicationListProps {
  entityId: string;
  /** The list the server loaded; undefined when that failed (then `initialError` says why). */
  initialApplications?: ApplicationListData;
  /** When the server loaded it, in ms since the epoch. */
  loadedAt: number;
  initialError?: ListFailure;
  /** Admins may change things; viewers get no create control at all. */
  canChange: boolean;
  /** The console's own client ID: its row is marked "Used by this console". */
  consoleClientId: string;
  /** The create control, shown in the toolbar and in the empty state (admins only). */
  createAction?: ReactNode;
}

/** The applications of one managing entity: search, filters, sort and paging in the browser. */
export function ApplicationList(props: ApplicationListProps) {
  // useSearchParams reads the URL; the skeleton stands in wherever that has to wait.
  return (
    <Suspense fallback={<ApplicationTableSkeleton />}>
      <ApplicationListView {...props} />
    </Suspense>
  );
}

function ApplicationListView({
  entityId,
  initialApplications,
  loadedAt,
  initialError,
  canChange,
  consoleClientId,
  createAction,
}: ApplicationListProps) {
  const create = canChange ? createAction : undefined;
  const query = useApplicationsQuery({ entityId, initialApplications, loadedAt, initialError });
  const list = useApplicationListState();
  const { view } = list;
  const { q, type, section, risk, sort, dir } = view;

  const { applications } = query;
  const indexed = useMemo(() => indexApplications(applications ?? []), [applications]);
  const sorted = useMemo(() => sortRows(indexed, sort, dir), [indexed, sort, dir]);
  const filtered = useMemo(
    () => filterRows(sorted, { q, type, section, risk }),
    [sorted, q, type, section, risk],
  );
  const current = pageRows(filtered, view.page, view.size);

  const searchInput = useRef<HTMLInputElement>(null);

  if (!applications) {
    return query.failure ? (
      <ListErrorState failure={query.failure} onRetry={query.retry} retrying={query.isFetching} />
    ) : (
      <ApplicationTableSkeleton />
    );
  }

  // The clear button goes away with the empty result: focus moves to the search box, not the page.
  const clearFilters = () => {
    list.clearFilters();
    searchInput.current?.focus();
  };

  return (
    <div className="space-y-4">
      {query.failure ? (
        <StaleDataBanner
          failure={query.failure}
          updatedAt={query.dataUpdatedAt}
          onRetry={query.retry}
          retrying={query.isFetching}
        />
      ) : null}
      {query.recordUnavailable ? (
        <Alert variant="warning" announce={false} data-testid="record-unavailable">
          {RECORD_UNAVAILABLE_MESSAGE}
        </Alert>
      ) : null}
      {applications.length === 0 ? (
        <EmptyState createAction={create} />
      ) : (
        <>
          <ApplicationListToolbar
            searchInputRef={searchInput}
            searchText={list.searchText}
            onSearchTextChange={list.setSearchText}
            type={type}
            onTypeChange={(next) => list.update({ type: next })}
            typeFilterAvailable={!query.recordUnavailable}
            section={section}
            onSectionChange={(next) => list.update({ section: next })}
            risk={risk}
            onRiskChange={(next) => list.update({ risk: next })}
            createAction={create}
          />
          <p role="status" className="text-sm text-muted-foreground" data-testid="list-summary">
            {describeRowPage(current, applications.length, isFiltered(view))}
          </p>
          {current.total === 0 ? (
            <NoResultsState onClear={clearFilters} />
          ) : (
            <>
              <ApplicationTable
                rows={current.rows}
                entityId={entityId}
                consoleClientId={consoleClientId}
                sort={sort}
                dir={dir}
                onSort={list.toggleSort}
                page={current.page}
                pageCount={current.pageCount}
                stale={list.isSearchPending}
                now={query.dataUpdatedAt || loadedAt}
              />
              <ApplicationListPagination
                page={current.page}
                pageCount={current.pageCount}
                size={view.size}
                onPageChange={(page) => list.update({ page })}
                onSizeChange={(size) => list.setPageSize(size, current.from)}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
