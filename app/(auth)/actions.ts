"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/config";
import { identityProviderSignOutUrl } from "@/lib/auth/idp";

/**
 * Ends the console's session, then the identity provider's where it supports RP-initiated logout,
 * which sends the browser back to /signed-out. Anyone may call it: it only ever signs the caller out.
 */
export async function signOutEverywhere() {
  await signOut({ redirect: false });
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host");
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  const signedOut = `${protocol}://${host}/signed-out`;
  redirect(await identityProviderSignOutUrl(signedOut));
}
