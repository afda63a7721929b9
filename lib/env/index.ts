import "server-only";

/**
 * The console's settings, read from the environment and validated once (see DESIGN.md,
 * "Configuration"). A missing or malformed setting stops the console with one message that names
 * every bad variable and how to fix it, and never repeats a secret's value.
 *
 * Two modes: `embedded` (no WINK_API_URL: the sandbox plays Wink and the admins' identity provider,
 * with its well-known development credentials) and `external` (a real Wink).
 *
 * ./variables.ts reads each variable on its own, ./rules.ts ties them together and supplies each
 * mode's defaults, ./load.ts runs both and keeps the result for the process.
 */

export { EnvError, getEnv, loadEnv, resetEnvForTests } from "./load";
export type { Env, EnvIssue, WinkSettings } from "./types";
export { isLoopbackHost } from "./variables";
