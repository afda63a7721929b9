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
      <p>
        <bdi>{message}</bdi>
      </p>
      {requestId && <p className="text-xs">Wink request id: {requestId}</p>}
      {/* A full page load, not a client navigation: the panel may be a layout's, which a
          navigation to the same URL would keep. */}
      <a href={retryHref} className="mt-2 inline-block font-medium underline underline-offset-4">
        Try again
      </a>
    </Alert>
  );
}
