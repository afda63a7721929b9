import localFont from "next/font/local";

// Served from the npm package rather than Google Fonts: the build must work offline.
export const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});
