"use client";

import { Suspense, useRef, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { RECORD_UNAVAILABLE_MESSAGE } from "@/lib/applications/listed-application";
import { describeListPage, type ApplicationListPage } from "@/lib/applications/list-page";
import { isFiltered, type ListParams } from "@/lib/applications/list-params";
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
import { RotationSummary } from "./rotation-summary";
import { useApplicationListState } from "./use-application-list-state";
import {
  useApplicationsQuery,
  type ListFailure,
} from "@/components/applications/data/use-applications-query";

export interface ApplicationListProps {
  entityId: string;
  /** The page the server loaded; undefined when that failed (then `initialError` says why). */
  initialPage?: ApplicationListPage;
  /** The view (from the URL) the server loaded it for. */
  initialView: ListParams;
  initialError?: ListFailure;
  /** Admins may change things; viewers get no create control at all. */
  canChange: boolean;
  /** The console's own client ID: its row is marked "Used by this console". */
  consoleClientId: string;
  /** The create control, shown in the toolbar and in the empty state (admins only). */
  createAction?: ReactNode;
}

/**
 * The applications of one managing entity, a page at a time: the view (search, filters, sort,
 * paging) lives in the URL, and the server answers each view with one page and the counts.
 */
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
  initialPage,
  initialView,
  initialError,
  canChange,
  consoleClientId,
  createAction,
}: ApplicationListProps) {
  const create = canChange ? createAction : undefined;
  const list = useApplicationListState();
  const { view } = list;
  const query = useApplicationsQuery({ entityId, view, initialPage, initialView, initialError });
  const searchInput = useRef<HTMLInputElement>(null);
  const current = query.page;

  if (!current) {
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
      {current.recordUnavailable ? (
        <Alert variant="warning" announce={false} data-testid="record-unavailable">
          {RECORD_UNAVAILABLE_MESSAGE}
        </Alert>
      ) : null}
      {current.total === 0 ? (
        <EmptyState createAction={create} />
      ) : (
        <>
          <ApplicationListToolbar
            searchInputRef={searchInput}
            searchText={list.searchText}
            onSearchTextChange={list.setSearchText}
            type={view.type}
            onTypeChange={(next) => list.update({ type: next })}
            typeFilterAvailable={!current.recordUnavailable}
            section={view.section}
            onSectionChange={(next) => list.update({ section: next })}
            risk={view.risk}
            onRiskChange={(next) => list.update({ risk: next })}
            rotation={view.rotation}
            onRotationChange={(next) => list.update({ rotation: next })}
            rotationFilterAvailable={!current.recordUnavailable && current.maxAgeDays > 0}
            createAction={create}
          />
          <RotationSummary summary={current.summary} view={view} onShow={list.showNeedsRotation} />
          <p role="status" className="text-sm text-muted-foreground" data-testid="list-summary">
            {describeListPage(current, isFiltered(view))}
          </p>
          {current.matching === 0 ? (
            <NoResultsState onClear={clearFilters} />
          ) : (
            <>
              <ApplicationTable
                applications={current.applications}
                entityId={entityId}
                consoleClientId={consoleClientId}
                sort={view.sort}
                dir={view.dir}
                onSort={list.toggleSort}
                page={current.page}
                pageCount={current.pageCount}
                stale={list.isSearchPending || query.isPlaceholderData}
                now={current.now}
                maxAgeDays={current.maxAgeDays}
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
