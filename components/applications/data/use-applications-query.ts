"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { ApplicationListPage } from "@/lib/applications/list-page";
import type { ListParams } from "@/lib/applications/list-params";
import { applicationsQueryKey, applicationsViewKey } from "./applications-query-key";
import { ApplicationsRequestError, fetchApplications } from "./fetch-applications";

/** Why the list could not be loaded, in words safe to show. */
export interface ListFailure {
  message: string;
  requestId?: string;
}

export interface ApplicationsQueryOptions {
  entityId: string;
  /** The view to show (search, filters, sort, page), as the URL holds it. */
  view: ListParams;
  /** The page the server rendered with, for `initialView`; undefined when its own load failed. */
  initialPage?: ApplicationListPage;
  initialView: ListParams;
  /** The server's failure, shown until the admin retries. */
  initialError?: ListFailure;
}

function toFailure(error: Error): ListFailure {
  if (error instanceof ApplicationsRequestError) {
    return { message: error.message, requestId: error.requestId };
  }
  return { message: "The applications could not be loaded. Try again in a moment." };
}

/**
 * One page of the list for `view`, from the console's route handler. A new view keeps the previous
 * page on screen until its own arrives (`isPlaceholderData`); the route may answer a new view from
 * its copy of Wink's list, and answers a refetch of a view already shown (a focus, an
 * invalidation after a change, a Retry) from Wink itself.
 */
export function useApplicationsQuery({
  entityId,
  view,
  initialPage,
  initialView,
  initialError,
}: ApplicationsQueryOptions) {
  const queryClient = useQueryClient();
  // The server has just tried (lib/wink already retries transient failures): do not ask again on
  // mount, wait for the admin's Retry.
  const [serverError, setServerError] = useState<ListFailure | null>(initialError ?? null);
  const key = applicationsViewKey(entityId, view);
  const initialKey = applicationsViewKey(entityId, initialView);
  const isInitialView = key[3] === initialKey[3];

  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal, queryKey }) =>
      fetchApplications(entityId, view, {
        signal,
        cached: queryClient.getQueryState(queryKey)?.data === undefined,
      }),
    initialData: isInitialView ? initialPage : undefined,
    initialDataUpdatedAt: initialPage?.now,
    placeholderData: keepPreviousData,
    enabled: serverError === null,
    // Repeating a refusal (401, 403, 404) cannot change its answer.
    retry: (failures, error) =>
      failures < 1 && (!(error instanceof ApplicationsRequestError) || error.transient),
  });

  // The browser's QueryClient outlives pages, so a cached view ignores `initialData`; when the
  // server has just rendered a newer one (a navigation back here, router.refresh()), take it.
  const initialSearch = initialKey[3];
  useEffect(() => {
    if (!initialPage) return;
    const target = [...applicationsQueryKey(entityId), "view", initialSearch] as const;
    const cachedAt = queryClient.getQueryState(target)?.dataUpdatedAt ?? 0;
    if (cachedAt < initialPage.now) {
      queryClient.setQueryData(target, initialPage, { updatedAt: initialPage.now });
    }
  }, [queryClient, entityId, initialSearch, initialPage]);

  const failure = query.error ? toFailure(query.error) : serverError;
  return {
    page: query.data,
    failure,
    isFetching: query.isFetching,
    /** True while the page shown is a previous view's, kept until this view's arrives. */
    isPlaceholderData: query.isPlaceholderData,
    dataUpdatedAt: query.dataUpdatedAt,
    retry: () => {
      setServerError(null);
      void query.refetch();
    },
  };
}
