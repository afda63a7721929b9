import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SecretRevealHost } from "@/components/applications/secret-reveal/secret-reveal-host";
import { inter } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Wink Applications Console", template: "%s · Wink Applications Console" },
  description: "Manage the OAuth2 client applications of your Wink account.",
  robots: { index: false, follow: false },
};

// The colours follow the system's light or dark preference (app/globals.css); this tells the
// browser before the stylesheet arrives, so form controls and scrollbars match from the first paint.
export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen font-sans">
        {/* Above every page, so that no navigation or refetch can unmount a secret on screen. */}
        <SecretRevealHost>{children}</SecretRevealHost>
      </body>
    </html>
  );
}
