import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { E2E } from "./ports";
import { SANDBOX_ENTITY_ID } from "./sandbox";

export interface ServerAction {
  id: string;
  name: string;
  file: string;
  /** A page that serves the action: server actions are POSTs to a page with a Next-Action id. */
  pagePath: string;
}

/** Every server action of the production build, as an attacker would find them in its bundles. */
export function serverActionsOfBuild(): ServerAction[] {
  const manifest = JSON.parse(
    readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<
      string,
      { workers: Record<string, unknown>; filename: string; exportedName: string }
    >;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0]!;
    const pagePath =
      worker
        .replace(/^app/, "")
        .replace(/\/page$/, "")
        .replace(/\/\([^)]+\)/g, "")
        .replace("[entityId]", SANDBOX_ENTITY_ID)
        .replace("[applicationId]", "00000000-0000-4000-8000-000000000000") || "/";
    return { id, name: entry.exportedName, file: entry.filename, pagePath };
  });
}

/**
 * Calls a server action directly, the way a script would: a POST with the action's id and
 * JSON-encoded arguments, the cookies of `request` (none for an anonymous caller). `origin` null
 * sends no Origin header; `headers` adds others (Sec-Fetch-Site, forged X-Forwarded-Host).
 */
export async function callServerAction(
  request: APIRequestContext,
  action: ServerAction,
  args: unknown[],
  origin: string | null = E2E.consoleUrl,
  headers: Record<string, string> = {},
) {
  const response = await request.post(`${E2E.consoleUrl}${action.pagePath}`, {
    headers: {
      "Next-Action": action.id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      ...(origin === null ? {} : { Origin: origin }),
      ...headers,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}
