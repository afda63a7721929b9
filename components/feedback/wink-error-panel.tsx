import Link from "next/link";
import { Alert } from "@/components/ui/alert";

/**
 * A page-level error: what went wrong in plain words (WinkError.safeMessage, which never carries a
 * secret) and a way to try again. Wink's request id, when there is one, helps its support find it.
 */
export function WinkErrorPanel({
  title,
  message,
  requestId,
  retryHref,
}: {
  title: string;
  message: string;
  requestId?: string;
  retryHref: string;
}) {
  return (
    <Alert variant="error" title={title} data-testid="wink-error">
      <p>{message}</p>
      {requestId && <p className="text-xs">Wink request id: {requestId}</p>}
      <Link
        href={retryHref}
        prefetch={false}
        className="mt-2 inline-block font-medium underline underline-offset-4"
      >
        Try again
      </Link>
    </Alert>
  );
}
