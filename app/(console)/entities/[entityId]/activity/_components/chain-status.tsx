import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ChainStatus } from "@/lib/audit/verify-cached";
import { formatEventTime } from "@/components/activity/activity-event-row";
import { verifyHistory } from "../actions";

/**
 * Whether the audit history's hash chain holds, and from which event it does not. The whole walk
 * runs only when asked (the button, a plain form: it works without JavaScript); each view checks
 * the events written since. The chain covers every entity's events: one history per console.
 */
export function ChainStatusPanel({
  status,
  entityId,
  query,
}: {
  status: ChainStatus;
  entityId: string;
  query: string;
}) {
  const button = (
    <form action={verifyHistory} className="mt-2">
      <input type="hidden" name="entityId" value={entityId} />
      <input type="hidden" name="query" value={query} />
      <Button type="submit" variant="outline" size="sm">
        Verify history
      </Button>
    </form>
  );
  if (status.state === "unchecked") {
    return (
      <Alert
        variant="info"
        announce={false}
        title="History not verified yet"
        data-testid="chain-status"
        data-state="unchecked"
      >
        Each event is chained to the one before it by a hash, so an event changed, removed or
        inserted behind the console&apos;s back shows. Checking every event takes a moment.
        {button}
      </Alert>
    );
  }
  if (status.state === "broken") {
    return (
      <Alert
        variant="error"
        title="The history does not verify"
        data-testid="chain-status"
        data-state="broken"
      >
        <p>
          From event <strong data-testid="chain-broken-at">#{status.brokenAtId}</strong> on, the
          history is not the one the console wrote. {status.reason}
        </p>
        <p className="mt-1">Checked {formatEventTime(status.fullCheckAt)}.</p>
        {button}
      </Alert>
    );
  }
  return (
    <Alert
      variant="success"
      announce={false}
      title="The history verifies"
      data-testid="chain-status"
      data-state="verified"
    >
      <p>
        All {status.count.toLocaleString("en")} events up to #{status.throughId} are as the console
        wrote them{status.behind ? "; newer events are checked as the page is viewed" : ""}. Every
        event was checked {formatEventTime(status.fullCheckAt)}; newer ones as they came.
      </p>
      {button}
    </Alert>
  );
}
