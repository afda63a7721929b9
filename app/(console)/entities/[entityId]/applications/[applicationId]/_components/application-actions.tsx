import { Pencil, RefreshCw, Trash2 } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { consoleCredentialPath, editApplicationPath } from "@/lib/applications/routes";
import { DeleteApplicationDialog } from "./delete-application-dialog";
import { RotateCredentialsDialog } from "./rotate-credentials-dialog";

/**
 * What an admin can do with the application. The page renders this for admins only (viewers see no
 * controls; the actions refuse them anyway). For the console's own application, rotate and delete
 * are shown disabled with the reason: either would lock the console out of Wink.
 */
export function ApplicationActions({
  entityId,
  application,
  isConsoleApplication,
  tokenUrl,
  rotationDue = null,
}: {
  entityId: string;
  application: { id: string; name: string; clientId: string };
  isConsoleApplication: boolean;
  tokenUrl: string;
  /** The policy's words when the secret needs rotation; null otherwise (or with the policy off). */
  rotationDue?: string | null;
}) {
  return (
    <div className="grid justify-items-start gap-2 sm:justify-items-end">
      <div className="flex flex-wrap gap-2">
        <Button asChild variant="outline">
          {/* No prefetch: the edit page reads Wink, and only when someone means to edit. */}
          <Link href={editApplicationPath(entityId, application.id)} prefetch={false}>
            <Pencil aria-hidden="true" /> Edit
          </Link>
        </Button>
        {isConsoleApplication ? (
          <>
            <Button
              type="button"
              variant="outline"
              disabled
              aria-describedby="console-application-reason"
            >
              <RefreshCw aria-hidden="true" /> Rotate credentials
            </Button>
            <Button
              type="button"
              variant="outline"
              disabled
              aria-describedby="console-application-reason"
            >
              <Trash2 aria-hidden="true" /> Delete
            </Button>
          </>
        ) : (
          <>
            <RotateCredentialsDialog
              entityId={entityId}
              application={application}
              tokenUrl={tokenUrl}
            />
            <DeleteApplicationDialog entityId={entityId} application={application} />
          </>
        )}
      </div>
      {rotationDue ? (
        <p className="max-w-sm text-sm font-medium text-risk-high" data-testid="rotation-due">
          The secret is {rotationDue}:{" "}
          {isConsoleApplication ? (
            <Link href={consoleCredentialPath(entityId)} className="underline">
              how to rotate the console&apos;s credential
            </Link>
          ) : (
            "rotate the credentials."
          )}
        </p>
      ) : null}
      {isConsoleApplication ? (
        <p id="console-application-reason" className="max-w-sm text-sm text-body">
          Rotate and delete are off: the console uses this application&apos;s credential, and either
          would lock it out of Wink.{" "}
          <Link href={consoleCredentialPath(entityId)} className="text-link underline">
            How to rotate it safely
          </Link>
        </p>
      ) : null}
    </div>
  );
}
