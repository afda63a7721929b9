import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApplicationIcon } from "@/components/applications/display/application-icon";
import { WinkErrorPanel } from "@/components/feedback/wink-error-panel";
import { Alert } from "@/components/ui/alert";
import { isBlankText } from "@/lib/applications/display-text";
import { requirePageAccess } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { getEnv } from "@/lib/env";
import { isWinkError, type Application } from "@/lib/wink";
import { ApplicationActions } from "./_components/application-actions";
import { ApplicationDetails } from "./_components/application-details";
import { Breadcrumb } from "@/components/applications/display/breadcrumb";
import { isConsoleApplication } from "./change-guard";
import { loadApplication } from "./load-application";
import { applicationPath, applicationsPath } from "@/lib/applications/routes";

type Params = Promise<{ entityId: string; applicationId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { entityId, applicationId } = await params;
  try {
    const { name } = await loadApplication(entityId, applicationId);
    return { title: isBlankText(name) ? "Application" : name };
  } catch {
    // The page itself says what went wrong; the title just stays generic.
    return { title: "Application" };
  }
}

export default async function ApplicationPage({ params }: { params: Params }) {
  const { entityId, applicationId } = await params;
  const here = applicationPath(entityId, applicationId);
  const viewer = await requirePageAccess(here);

  let application: Application;
  try {
    application = await loadApplication(entityId, applicationId);
  } catch (error) {
    if (!isWinkError(error)) throw error;
    if (error.status === 404) notFound();
    return (
      <div className="space-y-4">
        <Breadcrumb
          items={[
            { label: "Applications", href: applicationsPath(entityId) },
            { label: "Application" },
          ]}
        />
        <WinkErrorPanel
          title="The application could not be loaded"
          message={error.safeMessage}
          requestId={error.requestId}
          retryHref={here}
        />
      </div>
    );
  }

  const name = isBlankText(application.name) ? "Unnamed application" : application.name;
  const ownCredential = isConsoleApplication(application);

  return (
    <div className="space-y-6">
      <Breadcrumb
        items={[{ label: "Applications", href: applicationsPath(entityId) }, { label: name }]}
      />

      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 items-center gap-3">
          <ApplicationIcon name={name} iconIdentifier={application.iconIdentifier} size="lg" />
          <h1 className="min-w-0 text-2xl font-semibold break-words text-foreground">
            <bdi>{name}</bdi>
          </h1>
        </div>
        {can(viewer.role, "change") ? (
          <ApplicationActions
            entityId={entityId}
            application={{
              id: application.id,
              name: application.name,
              clientId: application.clientId,
            }}
            isConsoleApplication={ownCredential}
            tokenUrl={getEnv().wink.tokenUrl}
          />
        ) : null}
      </header>

      {ownCredential ? (
        <Alert variant="info" announce={false} title="Used by this console">
          The console calls Wink with this application&apos;s credential (WINK_CLIENT_ID). Rotating
          or deleting it would lock the console out, so the console does not offer either. Keep the
          account scopes the console needs when you edit it.
        </Alert>
      ) : null}

      <ApplicationDetails application={application} />
    </div>
  );
}
