/**
 * Imported for its effect, by the first client module of every console page: zod parses without
 * compiling code. Zod compiles its object parsers with `new Function` where it may, and finds out
 * whether it may by trying; under the console's Content-Security-Policy (script-src without
 * 'unsafe-eval', see proxy.ts) that try is a violation Chromium reports as an issue on every page
 * that parses anything. The interpreted parser is plenty for the console's small objects.
 *
 * The setting is written where zod keeps its global configuration (`globalThis.__zod_globalConfig`,
 * which zod's `config()` reads and writes, and which zod creates only if it is not already there),
 * not through `config()`: importing zod's core, even for that one function, puts about 5 KiB of
 * zod into every page's JavaScript, and the list parses nothing with zod. Whether zod loads before
 * or after this module, it sees the setting; ./zod-without-eval.test.ts checks that it does.
 */

type ZodConfigHolder = { __zod_globalConfig?: { jitless?: boolean } };

const holder = globalThis as ZodConfigHolder;
holder.__zod_globalConfig ??= {};
holder.__zod_globalConfig.jitless = true;

export {};
