import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { isBlankText } from "@/lib/applications/display-text";
import { loadApplicationForPage } from "@/lib/applications/load-application";
import { loadRecordForPage } from "@/lib/applications/load-record";
import { guessClientType } from "@/lib/applications/record/public-record";
import { requirePageAccess } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { getEnv } from "@/lib/env";
import { ApplicationUnavailable } from "@/components/applications/display/application-unavailable";
import { Breadcrumb } from "@/components/applications/display/breadcrumb";
import { applicationPath, applicationsPath, editApplicationPath } from "@/lib/applications/routes";
import { EditApplicationForm } from "./_components/edit-application-form";

export const metadata: Metadata = { title: "Edit application" };

export default async function EditApplicationPage({
  params,
}: {
  params: Promise<{ entityId: string; applicationId: string }>;
}) {
  const { entityId, applicationId } = await params;
  const here = editApplicationPath(entityId, applicationId);
  const viewer = await requirePageAccess(here);
  const back = applicationPath(entityId, applicationId);
  const list = { label: "Applications", href: applicationsPath(entityId) };

  // Viewers never see a link here; one who types the URL is told, not shown a form that would fail.
  if (!can(viewer.role, "change")) {
    return (
      <div className="space-y-4">
        <Breadcrumb items={[list, { label: "Application", href: back }, { label: "Edit" }]} />
        <Alert variant="info" title="Only admins can edit applications">
          <Link href={back} className="font-medium underline underline-offset-4">
            Back to the application
          </Link>
        </Alert>
      </div>
    );
  }

  const loaded = await loadApplicationForPage(entityId, applicationId);
  if (!loaded.ok) {
    return (
      <ApplicationUnavailable
        breadcrumb={[list, { label: "Application", href: back }, { label: "Edit" }]}
        failure={loaded}
        retryHref={here}
      />
    );
  }

  const { application } = loaded;
  const loadedRecord = await loadRecordForPage(
    entityId,
    application.id,
    application.clientId,
    loaded.observedAt,
  );
  const record = loadedRecord.ok
    ? {
        description: loadedRecord.record.description,
        owner: loadedRecord.record.owner,
        clientType: loadedRecord.record.clientType,
        guess: guessClientType(application),
      }
    : null;
  const name = isBlankText(application.name) ? "Unnamed application" : application.name;
  return (
    <div className="max-w-4xl space-y-6">
      <Breadcrumb items={[list, { label: name, href: back }, { label: "Edit" }]} />
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold break-words text-foreground">
          Edit <bdi>{name}</bdi>
        </h1>
        <p className="text-sm text-body">
          The whole application is saved at once. Wink does not keep the client type: the console
          records it when it creates an application, and you can record it here when it is unknown.
        </p>
      </div>
      <EditApplicationForm
        entityId={entityId}
        application={application}
        isConsoleApplication={loaded.isConsoleApplication}
        consoleScopes={getEnv().wink.scopes}
        record={record}
      />
    </div>
  );
}
