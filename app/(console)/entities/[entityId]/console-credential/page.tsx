import type { Metadata } from "next";
import Link from "next/link";
import {
  recordStanding,
  SecretStandingBadge,
} from "@/components/applications/record/secret-standing";
import { Alert } from "@/components/ui/alert";
import { CardSection } from "@/components/ui/card-section";
import { loadConsoleCredential } from "@/lib/applications/load-console-credential";
import { describeSecretAge, secretAge } from "@/lib/applications/record/public-record";
import { applicationPath } from "@/lib/applications/routes";
import { getEnv } from "@/lib/env";
import { RotationSteps } from "./_components/rotation-steps";

export const metadata: Metadata = { title: "Console credential" };

/**
 * The console's own credential: the rotation policy counts it like any other secret, but the
 * console cannot rotate it (that would lock every copy out of Wink at once), so this page explains
 * the safe way, step by step, and shows where its secret stands when the console's record knows
 * its age. Read-only, for viewers too; the layout has checked the session and the entity.
 */
export default async function ConsoleCredentialPage({
  params,
}: {
  params: Promise<{ entityId: string }>;
}) {
  const { entityId } = await params;
  const credential = await loadConsoleCredential(entityId);
  return (
    <div className="grid max-w-3xl gap-6">
      <header className="grid gap-2">
        <h1 className="text-2xl font-semibold text-foreground">Console credential</h1>
        <p className="text-sm text-body">
          The console calls Wink with a machine-to-machine application&apos;s credential (
          <code>WINK_CLIENT_ID</code> <span className="font-mono">{credential.clientId}</span>). Its
          secret ages like any other, and the rotation policy counts it too; but the console cannot
          rotate it for you.
        </p>
      </header>
      <CardSection
        title="Its secret"
        id="standing-heading"
        data-testid="console-credential-standing"
      >
        <Standing entityId={entityId} credential={credential} />
      </CardSection>
      <section aria-labelledby="steps-heading" className="grid gap-3">
        <h2 id="steps-heading" className="text-base font-semibold text-foreground">
          How to rotate it safely
        </h2>
        <p className="text-sm text-body">
          Rotating it in place would end the old secret at once, before the console has the new one:
          every copy would be locked out of Wink. Replace it with a second application instead:
        </p>
        <RotationSteps entityId={entityId} scopes={credential.scopes} />
      </section>
    </div>
  );
}

function Standing({
  entityId,
  credential,
}: {
  entityId: string;
  credential: Awaited<ReturnType<typeof loadConsoleCredential>>;
}) {
  const { application } = credential;
  if (application.state === "unavailable") {
    return (
      <Alert variant="warning" announce={false}>
        Its age could not be checked: {application.message}
      </Alert>
    );
  }
  if (application.state === "elsewhere") {
    return (
      <p className="text-sm text-body">
        It is not one of this managing entity&apos;s applications, so the console has no record of
        its age here. Check the managing entity that holds it.
      </p>
    );
  }
  const link = (
    <Link href={applicationPath(entityId, application.id)} className="text-link underline">
      <bdi>{application.name}</bdi>
    </Link>
  );
  if (!application.record.ok) {
    return (
      <p className="text-sm text-body">
        Held by {link}. The console&apos;s record is unavailable, so its age is not shown.
      </p>
    );
  }
  const age = secretAge(application.record.record, application.observedAt);
  const standing = recordStanding(
    application.record.record,
    getEnv().secretPolicy,
    application.observedAt,
  );
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-body">
      <span>
        Held by {link}; issued{" "}
        <span data-testid="console-credential-age">{describeSecretAge(age)}</span> ago
        {age.atLeast ? " (outside the console: counted from when the console first saw it)" : ""}.
      </span>
      <SecretStandingBadge standing={standing} />
    </p>
  );
}
