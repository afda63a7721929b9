import type { Config } from "tailwindcss";

// The theme lives here and is loaded from app/globals.css with `@config`.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      fontFamily: {
        sans: ["var(--font-inter)", "ui-sans-serif", "system-ui", "sans-serif"],
        mono: ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
      },
      colors: {
        brand: {
          50: "#eef6ff",
          100: "#d9eaff",
          500: "#2f6fed",
          600: "#1f56c9",
          700: "#1a45a0",
          900: "#112a5e",
        },
        risk: {
          low: "#15803d",
          medium: "#b45309",
          high: "#b91c1c",
        },
      },
    },
  },
};

export default config;
