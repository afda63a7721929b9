import { AppWindow, RefreshCw, SearchX } from "lucide-react";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ListFailure } from "@/components/applications/data/use-applications-query";

function RequestId({ failure }: { failure: ListFailure }) {
  if (!failure.requestId) return null;
  return <p className="text-xs">Wink request id: {failure.requestId}</p>;
}

function RetryButton({ onRetry, retrying }: { onRetry: () => void; retrying: boolean }) {
  return (
    <Button type="button" variant="outline" size="sm" onClick={onRetry} loading={retrying}>
      {retrying ? null : <RefreshCw aria-hidden="true" />}
      Retry
    </Button>
  );
}

/** Nothing to show: the list could not be loaded at all. */
export function ListErrorState(props: {
  failure: ListFailure;
  onRetry: () => void;
  retrying: boolean;
}) {
  return (
    <Alert variant="error" title="The applications could not be loaded" data-testid="list-error">
      <p>
        <bdi>{props.failure.message}</bdi>
      </p>
      <RequestId failure={props.failure} />
      <div className="mt-2">
        <RetryButton onRetry={props.onRetry} retrying={props.retrying} />
      </div>
    </Alert>
  );
}

/** A refresh failed: the list below is the last one loaded, and says from when. */
export function StaleDataBanner(props: {
  failure: ListFailure;
  updatedAt: number;
  onRetry: () => void;
  retrying: boolean;
}) {
  const time = new Date(props.updatedAt).toLocaleTimeString([], {
    hour: "2-digit",
    minute: "2-digit",
  });
  return (
    <Alert variant="warning" title="The list could not be refreshed" data-testid="list-stale">
      <p>
        <bdi>{props.failure.message}</bdi> Showing the applications as they were at{" "}
        <time dateTime={new Date(props.updatedAt).toISOString()}>{time}</time>.
      </p>
      <RequestId failure={props.failure} />
      <div className="mt-2">
        <RetryButton onRetry={props.onRetry} retrying={props.retrying} />
      </div>
    </Alert>
  );
}

/** The entity has no applications yet. Admins get the create control; viewers a pointer. */
export function EmptyState({ createAction }: { createAction?: ReactNode }) {
  return (
    <div className="grid justify-items-center gap-3 rounded-lg border border-dashed border-border-strong bg-card px-6 py-12 text-center">
      <AppWindow aria-hidden="true" className="size-10 text-faint" />
      <h2 className="text-lg font-semibold text-foreground">No applications yet</h2>
      <p className="max-w-md text-sm text-muted-foreground">
        {createAction
          ? "Create the first application to give a website, app or service its own client ID and secret for the Wink API."
          : "Applications created by an admin of this account will appear here."}
      </p>
      {createAction ? <div className="mt-2">{createAction}</div> : null}
    </div>
  );
}

/** Applications exist, but none match the search and filters. */
export function NoResultsState({ onClear }: { onClear: () => void }) {
  return (
    <div className="grid justify-items-center gap-3 rounded-lg border border-border bg-card px-6 py-12 text-center">
      <SearchX aria-hidden="true" className="size-10 text-faint" />
      <h2 className="text-lg font-semibold text-foreground">No applications match these filters</h2>
      <p className="max-w-md text-sm text-muted-foreground">
        Check the spelling, or search for part of the name or client ID.
      </p>
      <Button type="button" variant="outline" onClick={onClear}>
        Clear search and filters
      </Button>
    </div>
  );
}
