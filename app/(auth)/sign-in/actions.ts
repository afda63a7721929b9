"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/config";
import { safeReturnPath } from "@/lib/auth/return-path";

/** Starts the authorization code flow with the identity provider. Anyone may call it. */
export async function signInWithIdentityProvider(formData: FormData) {
  const returnTo = safeReturnPath(formData.get("callbackUrl"));
  try {
    await signIn("oidc", { redirectTo: returnTo });
  } catch (error) {
    // An unreachable issuer or a refused client secret surfaces here as an AuthError: show it on
    // the sign-in page instead of a 500. redirect() throws too, and must be let through.
    if (error instanceof AuthError) {
      redirect(`/sign-in?error=Configuration&callbackUrl=${encodeURIComponent(returnTo)}`);
    }
    throw error;
  }
}
