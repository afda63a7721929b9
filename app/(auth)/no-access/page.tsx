import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { getViewer } from "@/lib/auth/session";
import { signOutEverywhere } from "../actions";

export const metadata: Metadata = { title: "No access" };

export default async function NoAccessPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  if (viewer.role) redirect("/");

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">No access to this console</h1>
      <p className="text-sm text-body">
        You are signed in as{" "}
        <strong className="break-all">
          {viewer.email || "an account without an email address"}
        </strong>
        , but this account is neither an admin nor a viewer of the console.
      </p>
      <p className="text-sm text-body">
        If you need access, ask whoever runs the console to add your email address or domain to
        CONSOLE_ADMINS or CONSOLE_VIEWERS. If you meant to use another account, sign out first.
      </p>
      <form action={signOutEverywhere}>
        <Button type="submit" variant="secondary">
          Sign out
        </Button>
      </form>
    </div>
  );
}
