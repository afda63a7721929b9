import { WinkErrorPanel } from "@/components/feedback/wink-error-panel";
import { Breadcrumb, type Crumb } from "@/components/applications/display/breadcrumb";

/**
 * The detail and edit pages' answer when Wink could not give the application (anything but a 404,
 * which is the not-found page): where the admin is, Wink's safe words and request id, and a retry.
 */
export function ApplicationUnavailable({
  breadcrumb,
  failure,
  retryHref,
}: {
  breadcrumb: Crumb[];
  failure: { message: string; requestId?: string };
  retryHref: string;
}) {
  return (
    <div className="space-y-4">
      <Breadcrumb items={breadcrumb} />
      <WinkErrorPanel
        title="The application could not be loaded"
        message={failure.message}
        requestId={failure.requestId}
        retryHref={retryHref}
      />
    </div>
  );
}
