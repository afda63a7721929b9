"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/config";
import { identityProviderSignOutUrl } from "@/lib/auth/idp";
import { publicOrigin } from "@/lib/auth/origin";

/**
 * Ends the console's session, then the identity provider's where it supports RP-initiated logout,
 * which sends the browser back to /signed-out. Anyone may call it: it only ever signs the caller out.
 */
export async function signOutEverywhere() {
  await signOut({ redirect: false });
  // publicOrigin, not X-Forwarded-Host as sent: a client's forged header must not choose where the
  // identity provider sends the browser after sign-out. It reads forwarded headers only when the
  // operator declared a proxy that sets them (AUTH_TRUST_HOST=true), and AUTH_URL wins over both.
  const signedOut = `${publicOrigin(await headers())}/signed-out`;
  redirect(await identityProviderSignOutUrl(signedOut));
}
