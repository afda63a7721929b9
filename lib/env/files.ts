import { readFileSync } from "node:fs";

/**
 * Secrets from files: each secret setting may be given as `NAME_FILE`, the path of a file that
 * holds it (a Docker or Kubernetes secret mounted read-only), instead of `NAME` in the
 * environment, where `docker inspect`, `/proc/PID/environ` and crash reports can see it.
 *
 * Giving both is an error that names both variables; a file that cannot be read is an error that
 * names the variable and the path. No message ever quotes what a file holds. Pure apart from the
 * file reads: nothing here looks at `process.env`.
 */

/** The settings that may come from a file. */
export const FILE_SETTINGS = [
  "WINK_CLIENT_SECRET",
  "AUTH_SECRET",
  "AUTH_OIDC_CLIENT_SECRET",
  "DATABASE_URL",
  "CONSOLE_METRICS_TOKEN",
  // A Slack incoming-webhook URL carries its credential in its path.
  "CONSOLE_NOTIFY_WEBHOOK_URL",
] as const;
export type FileSetting = (typeof FILE_SETTINGS)[number];

export type FileSettingIssue = { variable: string; message: string };

const isSet = (value: string | undefined): value is string => Boolean(value?.trim());

/**
 * The value of `name`, from the environment or from the file `name_FILE` names, or undefined when
 * neither is set. Returns an issue instead when both are set or the file cannot be read. A file's
 * trailing line break (what `echo` and editors add) is not part of the secret.
 */
export function readFileSetting(
  source: Record<string, string | undefined>,
  name: FileSetting,
): { value: string | undefined } | { issue: FileSettingIssue } {
  const fileVariable = `${name}_FILE`;
  const direct = source[name];
  const file = source[fileVariable];
  if (!isSet(file)) return { value: direct };
  if (isSet(direct)) {
    return {
      issue: {
        variable: fileVariable,
        message: `and ${name} are both set. Set one of them: ${fileVariable} names a file that holds ${name}.`,
      },
    };
  }
  const filePath = file.trim();
  try {
    return { value: readFileSync(filePath, "utf8").replace(/\r?\n$/, "") };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? "unreadable";
    return {
      issue: {
        variable: fileVariable,
        message: `names a file that cannot be read (${filePath}: ${reason}). Mount the file there, readable by the console's user, or unset ${fileVariable}.`,
      },
    };
  }
}

/**
 * `source` with every `NAME_FILE` replaced by the `NAME` it holds, and the problems found. The
 * `_FILE` variables are dropped from the result so that nothing downstream reads a path as a value.
 */
export function resolveFileSettings(
  source: Record<string, string | undefined>,
  names: readonly FileSetting[] = FILE_SETTINGS,
): { source: Record<string, string | undefined>; issues: FileSettingIssue[] } {
  const resolved = { ...source };
  const issues: FileSettingIssue[] = [];
  for (const name of names) {
    const read = readFileSetting(source, name);
    delete resolved[`${name}_FILE`];
    if ("issue" in read) issues.push(read.issue);
    else resolved[name] = read.value;
  }
  return { source: resolved, issues };
}
