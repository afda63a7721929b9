import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "next-env.d.ts",
      "playwright-report/**",
      "test-results/**",
      "reports/**",
    ],
  },
  {
    // Playwright's fixtures call `use`, which is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // lib/wink talks to Wink and nothing else: no React, no Next.
    files: ["lib/wink/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["react", "react-dom", "next", "next/*", "@/app/*", "@/components/*"] },
      ],
    },
  },
  {
    // The sandbox shares nothing with the console but the contract and the scope catalogue.
    files: ["sandbox/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "@/app/*",
            "@/components/*",
            "@/lib/auth/*",
            "@/lib/env",
            "@/lib/env/*",
            "../app/*",
            "../lib/env",
            "../lib/env/*",
          ],
        },
      ],
    },
  },
];

export default config;
