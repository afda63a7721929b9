/**
 * What each of Wink's client types means, in words: the form's client-type choice and its rules
 * (redirect URIs, whether a secret ships with the app), and the label the list and the record show.
 * Schema-free, so the list can name a type without loading the form's schema.
 */
import type { ClientType } from "@/lib/wink-contract/client-types";

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
