import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getViewer } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { signInWithIdentityProvider } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

/** Auth.js error codes, in words an admin can act on. */
const ERRORS: Record<string, { title: string; detail: string }> = {
  Configuration: {
    title: "The identity provider could not be used",
    detail:
      "It did not answer, or it refused the console's client credentials. Try again in a moment; if it keeps failing, ask whoever runs the console to check AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET.",
  },
  AccessDenied: {
    title: "Sign-in was refused",
    detail: "The identity provider did not let you sign in to the console.",
  },
  Verification: {
    title: "The sign-in link has expired",
    detail: "Start again from this page.",
  },
};
const DEFAULT_ERROR = {
  title: "Sign-in did not complete",
  detail: "Something went wrong between the console and the identity provider. Try again.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  const viewer = await getViewer();
  if (viewer) redirect(viewer.role ? returnTo : "/no-access");

  const problem = error ? (ERRORS[error] ?? DEFAULT_ERROR) : null;
  const { oidc } = getEnv().auth;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Sign in</h1>
        <p className="text-sm text-slate-600">
          Manage your Wink account&apos;s OAuth2 applications. Sign in with your organisation&apos;s
          account.
        </p>
      </div>
      {problem && (
        <Alert variant="error" title={problem.title}>
          {problem.detail}
        </Alert>
      )}
      <form action={signInWithIdentityProvider}>
        <input type="hidden" name="callbackUrl" value={returnTo} />
        <Button type="submit" className="w-full">
          Sign in with {oidc.name}
        </Button>
      </form>
    </div>
  );
}
