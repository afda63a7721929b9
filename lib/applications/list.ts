import "server-only";
import { getEnv } from "@/lib/env";
import { getWinkClient } from "@/lib/wink";
import { createListCopies } from "./list-copy";
import { joinRecords } from "./list-join";
import { answerPage, toRows } from "./list-model";
import type { ApplicationListPage } from "./list-page";
import type { ListParams } from "./list-params";
import { applicationWithSameName } from "./same-name";

export { toPublicApplication, type JoinedList, type ListedApplication } from "./list-join";
export { RECORD_UNAVAILABLE_MESSAGE } from "./listed-application";

// One per process, shared by the page, the route handler and the server actions (see
// ./list-copy.ts). On globalThis because Next bundles server code more than once: a module-level
// copy would be one per bundle, and the route would answer from a list the page had replaced.
const COPIES_KEY = Symbol.for("wink-console.application-list-copies");
type CopiesHolder = { [COPIES_KEY]?: ReturnType<typeof createListCopies> };

function copies() {
  const holder = globalThis as CopiesHolder;
  holder[COPIES_KEY] ??= createListCopies((entityId) => getWinkClient().listApplications(entityId));
  return holder[COPIES_KEY];
}

/**
 * One page of an entity's applications as it may leave the server, for the view `params` (the
 * URL's search, filters, sort and page): the page renders it first and the route handler answers
 * each later view with it. Only chosen members cross (see `toListedApplication` in ./list-join.ts);
 * each application carries the console's record (reconciled with Wink's array, see
 * lib/applications/record/reconcile.ts), or null with `recordUnavailable` when the database cannot
 * be read.
 *
 * `fresh`: ask Wink now (a page render, a refetch, a retry) rather than answer from the copy a
 * previous view left (a search keystroke, a sort, a page turn), which is at most a few seconds old.
 * Throws WinkError when Wink cannot list them.
 */
export async function loadApplicationPage(
  entityId: string,
  params: ListParams,
  { fresh }: { fresh: boolean },
): Promise<ApplicationListPage> {
  const copy = await copies().load(entityId, { fresh });
  const joined = await joinRecords(entityId, copy.applications, copy.observedAt);
  const now = Date.now();
  const policy = getEnv().secretPolicy;
  const rows = toRows(joined.applications, copy.keys, now, policy);
  return answerPage(rows, params, { now, policy, recordUnavailable: joined.recordUnavailable });
}

/**
 * The name of an application of the entity that reads the same as `name` (the rule of
 * ./same-name.ts), or null: every application Wink has, not only the page on screen. Answered from
 * the process's copy of Wink's list while it is a few seconds old (the list the admin just looked
 * at), else from one Wink read shared with any other caller (see ./list-copy.ts): the create form
 * asks once per submit, never per keystroke. Throws WinkError when Wink cannot list them.
 */
export async function findApplicationWithSameName(
  entityId: string,
  name: string,
): Promise<string | null> {
  const copy = await copies().load(entityId);
  return applicationWithSameName(name, copy.applications)?.name ?? null;
}

/**
 * Drops the entity's copy: called once a create, update, rotate or delete of this process has
 * reached Wink (or may have), so that no later view of this process answers from a list older
 * than the change. Other processes' copies run out within seconds.
 */
export function forgetApplicationList(entityId: string): void {
  copies().forget(entityId);
}
