"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/config";
import { originAuthJsDerives, publicOrigin } from "@/lib/auth/origin";
import { safeReturnPath } from "@/lib/auth/return-path";
import { log } from "@/lib/log";

/** Starts the authorization code flow with the identity provider. Anyone may call it. */
export async function signInWithIdentityProvider(formData: FormData) {
  const returnTo = safeReturnPath(formData.get("callbackUrl"));
  const requestHeaders = await headers();
  // Auth.js builds the redirect_uri from X-Forwarded-Host and -Proto. proxy.ts sets them to the
  // console's public origin; a request that reached this action some other way could carry a
  // client's forged values, and is sent back to the sign-in page rather than to the provider.
  if (originAuthJsDerives(requestHeaders) !== publicOrigin(requestHeaders)) {
    log.warn("auth.sign-in-refused", { reason: "forwarded headers not settled by the proxy" });
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  }
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
