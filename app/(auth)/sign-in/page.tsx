import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getViewer } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { signInWithIdentityProvider } from "./actions";
import { signInProblem } from "./problems";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  const viewer = await getViewer();
  if (viewer) redirect(viewer.role ? returnTo : "/no-access");

  const problem = typeof error === "string" && error ? signInProblem(error) : null;
  const { oidc } = getEnv().auth;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Sign in</h1>
        <p className="text-sm text-muted-foreground">
          Manage your Wink account&apos;s OAuth2 applications. Sign in with your organisation&apos;s
          account.
        </p>
      </div>
      {problem && (
        <Alert variant={problem.variant} title={problem.title}>
          {problem.detail}
        </Alert>
      )}
      <form action={signInWithIdentityProvider}>
        <input type="hidden" name="callbackUrl" value={returnTo} />
        <Button type="submit" className="w-full">
          {problem ? "Start again" : "Sign in"} with {oidc.name}
        </Button>
      </form>
    </div>
  );
}
