import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Signed out" };

export default function SignedOutPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">You have signed out</h1>
      <p className="text-sm text-muted-foreground">
        Your session in the console has ended. Close this tab, or sign in again.
      </p>
      <Link
        href="/sign-in"
        className="inline-block font-medium text-link underline underline-offset-4"
      >
        Sign in again
      </Link>
    </div>
  );
}
