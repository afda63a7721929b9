import { config } from "zod/v4/core";

/**
 * Imported for its effect, by the first client module of every console page: zod parses without
 * compiling code. Zod compiles its object parsers with `new Function` where it may, and finds out
 * whether it may by trying; under the console's Content-Security-Policy (script-src without
 * 'unsafe-eval', see proxy.ts) that try is a violation Chromium reports as an issue on every page
 * that parses anything. The interpreted parser is plenty for the console's small objects.
 */
config({ jitless: true });
