/**
 * The four kinds of client as the console explains them: the words of the create form's choice,
 * whether the kind signs users in (and so has redirect URIs), and whether its secret would ship
 * to browsers or devices. The form, the record's words and the form's schema use it. Pure.
 */
import type { ClientType } from "@/lib/wink-contract/schemas";

export const CLIENT_TYPE_CHOICES: Record<
  ClientType,
  { label: string; summary: string; usesRedirects: boolean; secretShips: boolean }
> = {
  WEB: {
    label: "Web application",
    summary:
      "A server-side app. Signs users in with the authorization code flow and authenticates with the client secret, which stays on its server.",
    usesRedirects: true,
    secretShips: false,
  },
  SPA: {
    label: "Single-page app",
    summary:
      "Runs in the browser. Uses the authorization code flow with PKCE; the secret must never ship in its code.",
    usesRedirects: true,
    secretShips: true,
  },
  MOBILE: {
    label: "Mobile or desktop app",
    summary:
      "Installed on a device. Uses PKCE with a custom-scheme or loopback redirect; the secret must never ship in the app.",
    usesRedirects: true,
    secretShips: true,
  },
  MACHINE_2_MACHINE: {
    label: "Machine to machine",
    summary:
      "Server to server, no user. Gets tokens with the client credentials grant; has no redirect URIs.",
    usesRedirects: false,
    secretShips: false,
  },
};
