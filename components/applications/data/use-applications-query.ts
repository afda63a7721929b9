"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { ApplicationListData } from "@/lib/applications/listed-application";
import { applicationsQueryKey } from "./applications-query-key";
import { ApplicationsRequestError, fetchApplications } from "./fetch-applications";

/** Why the list could not be loaded, in words safe to show. */
export interface ListFailure {
  message: string;
  requestId?: string;
}

export interface ApplicationsQueryOptions {
  entityId: string;
  /** What the server rendered with; undefined when its own load failed. */
  initialApplications?: ApplicationListData;
  /** When the server loaded them (ms since the epoch): react-query's `initialDataUpdatedAt`. */
  loadedAt: number;
  /** The server's failure, shown until the admin retries. */
  initialError?: ListFailure;
}

function toFailure(error: Error): ListFailure {
  if (error instanceof ApplicationsRequestError) {
    return { message: error.message, requestId: error.requestId };
  }
  return { message: "The applications could not be loaded. Try again in a moment." };
}

export function useApplicationsQuery({
  entityId,
  initialApplications,
  loadedAt,
  initialError,
}: ApplicationsQueryOptions) {
  const queryClient = useQueryClient();
  // The server has just tried (lib/wink already retries transient failures): do not ask again on
  // mount, wait for the admin's Retry.
  const [serverError, setServerError] = useState<ListFailure | null>(initialError ?? null);

  const query = useQuery({
    queryKey: applicationsQueryKey(entityId),
    queryFn: ({ signal }) => fetchApplications(entityId, signal),
    initialData: initialApplications,
    initialDataUpdatedAt: loadedAt,
    enabled: serverError === null,
    // Repeating a refusal (401, 403, 404) cannot change its answer.
    retry: (failures, error) =>
      failures < 1 && (!(error instanceof ApplicationsRequestError) || error.transient),
  });

  // The browser's QueryClient outlives pages, so a cached list ignores `initialData`; when the
  // server has just rendered a newer one (a navigation back here, router.refresh()), take it.
  useEffect(() => {
    if (!initialApplications) return;
    const key = applicationsQueryKey(entityId);
    const cachedAt = queryClient.getQueryState(key)?.dataUpdatedAt ?? 0;
    if (cachedAt < loadedAt) {
      queryClient.setQueryData(key, initialApplications, { updatedAt: loadedAt });
    }
  }, [queryClient, entityId, initialApplications, loadedAt]);

  const failure = query.error ? toFailure(query.error) : serverError;
  return {
    applications: query.data?.applications,
    recordUnavailable: query.data?.recordUnavailable ?? false,
    failure,
    isFetching: query.isFetching,
    dataUpdatedAt: query.dataUpdatedAt,
    retry: () => {
      setServerError(null);
      void query.refetch();
    },
  };
}
