import "server-only";
import type { ZodType } from "zod";
import { log } from "@/lib/log";
import { resolve } from "./rules";
import { resolveFileSettings } from "./files";
import type { Env, EnvIssue } from "./types";
import { HOW_TO_FIX, rawSchema, type Raw } from "./variables";

/**
 * Loading the settings: every variable parsed on its own (./variables.ts), then the rules between
 * them (./rules.ts), and one error that lists every problem. `getEnv()` does it once per process.
 */

export class EnvError extends Error {
  constructor(readonly issues: EnvIssue[]) {
    super(
      [
        `The console's settings are not valid (${issues.length} to fix):`,
        ...issues.map(({ variable, message }) => `- ${variable} ${message}`),
        "Set them in the environment (or .env.local) and start again.",
      ].join("\n"),
    );
    this.name = "EnvError";
  }
}

/**
 * Validates `source` (the environment by default) without side effects but reading the files that
 * `*_FILE` variables name (./files.ts): tests pass their own.
 */
export function loadEnv(environment: Record<string, string | undefined> = process.env): Env {
  // DATABASE_URL is lib/db's (lib/db/target.ts reads it with the same rule): not checked here.
  const files = resolveFileSettings(environment, [
    "WINK_CLIENT_SECRET",
    "AUTH_SECRET",
    "AUTH_OIDC_CLIENT_SECRET",
    "CONSOLE_METRICS_TOKEN",
  ]);
  const source = files.source;
  const external = Boolean(source.WINK_API_URL?.trim());
  const issues: EnvIssue[] = [...files.issues];
  const report = (variable: string, message: string) => {
    // One complaint per variable: a malformed value is not also "missing" to the rules below, and
    // a secret whose file cannot be read is not also missing.
    if (!issues.some((issue) => [variable, `${variable}_FILE`].includes(issue.variable))) {
      issues.push(issueOf(variable, message));
    }
  };
  // Each variable on its own, so that one message lists every problem, not only the first kind.
  const raw: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(rawSchema(external).shape)) {
    const parsed = (schema as ZodType).safeParse(source[name]);
    if (parsed.success) raw[name] = parsed.data;
    else report(name, parsed.error.issues[0]?.message ?? "is not valid.");
  }
  const env = resolve(raw as Raw, external ? "external" : "embedded", report);
  if (issues.length) throw new EnvError(issues);
  return env;
}

function issueOf(variable: string, message: string): EnvIssue {
  const fix = HOW_TO_FIX[variable];
  return { variable, message: fix ? `${message} ${fix}` : message };
}

let memo: Env | undefined;

/** The validated settings, computed once per process; warnings are logged the first time. */
export function getEnv(): Env {
  if (!memo) {
    memo = loadEnv(process.env);
    for (const warning of memo.warnings) log.warn("env.warning", { message: warning });
  }
  return memo;
}

/** Tests that change process.env call this to make getEnv() read it again. */
export function resetEnvForTests(): void {
  memo = undefined;
}
