import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { isBlankText } from "@/lib/applications/display-text";
import { loadApplicationForPage } from "@/lib/applications/load-application";
import { loadRecordForPage } from "@/lib/applications/load-record";
import { ApplicationRecord } from "@/components/applications/record/application-record";
import { recordStanding } from "@/components/applications/record/secret-standing";
import { describeStanding, needsRotation } from "@/lib/applications/secret-policy";
import { requirePageAccess } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { getEnv } from "@/lib/env";
import { ApplicationActions } from "./_components/application-actions";
import { ApplicationIcon } from "@/components/applications/display/application-icon";
import { ApplicationDetails } from "./_components/application-details";
import { ApplicationHistory } from "./_components/application-history";
import { ApplicationUnavailable } from "@/components/applications/display/application-unavailable";
import { Breadcrumb } from "@/components/applications/display/breadcrumb";
import { applicationPath, applicationsPath } from "@/lib/applications/routes";

type Params = Promise<{ entityId: string; applicationId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { entityId, applicationId } = await params;
  try {
    const loaded = await loadApplicationForPage(entityId, applicationId);
    return {
      title:
        loaded.ok && !isBlankText(loaded.application.name)
          ? loaded.application.name
          : "Application",
    };
  } catch {
    // The page itself says what went wrong; the title just stays generic.
    return { title: "Application" };
  }
}

export default async function ApplicationPage({ params }: { params: Params }) {
  const { entityId, applicationId } = await params;
  const here = applicationPath(entityId, applicationId);
  const viewer = await requirePageAccess(here);

  const loaded = await loadApplicationForPage(entityId, applicationId);
  if (!loaded.ok) {
    return (
      <ApplicationUnavailable
        breadcrumb={[
          { label: "Applications", href: applicationsPath(entityId) },
          { label: "Application" },
        ]}
        failure={loaded}
        retryHref={here}
      />
    );
  }

  const { application, isConsoleApplication: ownCredential } = loaded;
  const name = isBlankText(application.name) ? "Unnamed application" : application.name;
  const loadedRecord = await loadRecordForPage(
    entityId,
    application.id,
    application.clientId,
    loaded.observedAt,
  );
  const policy = getEnv().secretPolicy;
  const standing = loadedRecord.ok
    ? recordStanding(loadedRecord.record, policy, loaded.observedAt)
    : null;
  const rotationDue = standing && needsRotation(standing) ? describeStanding(standing) : null;

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
            rotationDue={rotationDue}
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

      <ApplicationRecord
        record={loadedRecord.ok ? loadedRecord.record : null}
        application={application}
        now={loaded.observedAt}
        policy={policy}
      />

      <ApplicationDetails application={application} />
      <ApplicationHistory entityId={entityId} applicationId={application.id} />
    </div>
  );
}
