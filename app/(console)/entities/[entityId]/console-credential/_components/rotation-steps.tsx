import Link from "next/link";
import { applicationsPath } from "@/lib/applications/routes";

const code = "rounded bg-code px-1 py-0.5 font-mono text-[0.85em] text-code-foreground";

/**
 * The safe way to replace the console's own credential, in order. Rotating it in place would end
 * the old pair at once, before any copy of the console has the new one: every copy would be locked
 * out of Wink until its settings changed. A second application, switched to and then retired,
 * keeps a working credential at every moment, however many copies run.
 */
export function RotationSteps({
  entityId,
  scopes,
}: {
  entityId: string;
  scopes: readonly string[];
}) {
  return (
    <ol className="grid list-decimal gap-4 pl-6 text-sm text-body" data-testid="rotation-steps">
      <li>
        <strong className="text-foreground">Create a new application</strong> in{" "}
        <Link href={applicationsPath(entityId)} className="text-link underline">
          Applications
        </Link>
        : client type <em>Machine to machine</em>, with the same scopes the console asks for:{" "}
        {scopes.map((scope, index) => (
          <span key={scope}>
            {index > 0 ? " " : null}
            <code className={code}>{scope}</code>
          </span>
        ))}
        . Store its client ID and secret from the dialog that shows them once.
      </li>
      <li>
        <strong className="text-foreground">Switch the console&apos;s settings</strong> to the new
        pair: <code className={code}>WINK_CLIENT_ID</code> to the new client ID, and the secret in
        the file <code className={code}>WINK_CLIENT_SECRET_FILE</code> names (your secret store, a
        Kubernetes Secret, a compose secret) or in <code className={code}>WINK_CLIENT_SECRET</code>.
      </li>
      <li>
        <strong className="text-foreground">Restart the console</strong>, or roll every copy (for
        Kubernetes, <code className={code}>kubectl rollout restart deployment/wink-console</code>).
        Both credentials work meanwhile, so copies on the old one and copies on the new one serve
        side by side. Do the same for the secret-age report&apos;s job, which uses the same
        settings.
      </li>
      <li>
        <strong className="text-foreground">Check each copy</strong>:{" "}
        <code className={code}>/api/ready</code> answers 200 once the console gets a token with its
        credential, and 503 saying why when it cannot.
      </li>
      <li>
        <strong className="text-foreground">Delete the old application</strong> in Applications.
        Once no copy uses it, it is no longer the console&apos;s own, and the console offers Delete
        for it. Its secret stops working at once.
      </li>
    </ol>
  );
}
