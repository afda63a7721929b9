import { expect, type Locator, type Page } from "@playwright/test";
import {
  httpErrorMessage,
  invalidResponseMessage,
  timeoutMessage,
} from "../../lib/wink-contract/messages";
import { OPERATION_WORDS, type OperationName } from "../../lib/wink-contract/operation-words";
import { CONSOLE_TIMEOUT_S, FAULT_KINDS, watchForCrashes, type FaultKind } from "./faults";
import { test } from "./fixtures";
import { SANDBOX_ENTITY_ID, type SandboxStats } from "./sandbox";
import { createInSandbox, type SandboxApplication } from "./wink";

/**
 * What the console does when Wink fails: for each operation (list, create, edit, rotate, delete)
 * and for the token endpoint, each fault the sandbox can inject. Every case checks four things:
 *
 * 1. the console says what happened and what to do, in the words of lib/wink-contract/messages.ts
 *    (and the rotate's own outcome message for a rotate);
 * 2. nothing crashed: no uncaught error, no Next.js error page;
 * 3. a change was sent once: no automatic repeat (counted by the sandbox), and it happened only
 *    when the sandbox was told to carry it out;
 * 4. once the sandbox works again, the console's own retry or refresh shows the truth and works.
 *
 * A lost answer costs the console's time-out (WINK_TIMEOUT_MS=4000), three times for a read, which
 * repeats transient failures twice: the slow cases take 10 to 15 seconds each. The five files (one
 * per operation, in e2e/faults/) run in four to five minutes together.
 */

export const listPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;
export const pageOf = (id: string) => `${listPath}/${id}`;

export type Operation = "list" | "create" | "update" | "rotate" | "delete";
type Mutation = "creates" | "updates" | "rotations" | "deletes";

export const requestsOf = (stats: SandboxStats, operation: string) =>
  stats.requests[operation] ?? 0;

/** The contract's name of each operation the matrix drives (lib/wink-contract/operation-words). */
const OPERATION_NAMES: Record<Exclude<Operation, "rotate">, OperationName> = {
  list: "listApplications",
  create: "createApplication",
  update: "updateApplication",
  delete: "deleteApplication",
};

/** The sentences the console must show for this fault on this operation. */
function expectedWords(operation: Operation, { lost }: FaultKind, clientId: string): string[] {
  if (operation === "rotate") {
    // A rotate's answer carries the only copy of the new secret: the console says how to tell
    // whether it happened (the client ID changes with it) instead of offering a blind retry.
    const what =
      lost.kind === "status"
        ? `Wink failed (HTTP ${lost.status})`
        : lost.kind === "malformed"
          ? "Wink's answer could not be read"
          : "Wink did not answer in time";
    return [
      `${what}, so the credentials may or may not have been rotated.`,
      `compare its client ID with the one before (${clientId}).`,
      "If it is unchanged, nothing happened and it is safe to try again.",
    ];
  }
  const words = OPERATION_WORDS[OPERATION_NAMES[operation]];
  // A change whose answer was lost may have happened: the message says how to find out.
  const outcomeUnknown = operation !== "list";
  if (lost.kind === "status") {
    return [httpErrorMessage(words, lost.status, { fieldErrors: [] }, outcomeUnknown)];
  }
  if (lost.kind === "malformed") return [invalidResponseMessage(words, outcomeUnknown)];
  return [timeoutMessage(words, CONSOLE_TIMEOUT_S * 1000, outcomeUnknown)];
}

export type Context = { page: Page; app: SandboxApplication; name: string };

export interface Flow {
  operation: Operation;
  /** The sandbox's counter of the change; none for the list. */
  mutation?: Mutation;
  /** Where it starts, up to the one click that sends the request. */
  prepare(context: Context): Promise<void>;
  send(context: Context): Promise<void>;
  /** Where the console says what went wrong. */
  failure(context: Context): Locator;
  /**
   * Wink works again: the console's own way back, ending on a screen that proves it works.
   * `applied`: whether the faulted change happened. Returns how many changes the recovery made.
   */
  recover(context: Context, applied: boolean): Promise<number>;
  /** The request went through (after a transparent token refresh). */
  succeeded(context: Context): Promise<void>;
}

export const createDialog = (page: Page) =>
  page.getByRole("dialog", { name: "Create application" });
export const revealDialog = (page: Page) => page.getByTestId("reveal-secret");

/** Opens the rotate or delete dialog and types the name; returns the armed confirm button. */
export async function armDangerDialog(
  page: Page,
  opener: string,
  confirmLabel: string,
  name: string,
) {
  await page.getByRole("button", { name: opener }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
  const confirm = dialog.getByRole("button", { name: confirmLabel });
  await expect(confirm).toBeEnabled();
  return confirm;
}

export async function contextFor(page: Page, flow: Flow, label: string): Promise<Context> {
  const stamp = `${Date.now()}`;
  const app = await createInSandbox({ name: `Fault target ${stamp}` });
  return { page, app, name: `${flow.operation} under ${label} ${stamp}` };
}

/** Declares the tests of one operation: every fault kind the sandbox can inject. */
export function faultMatrix(flow: Flow): void {
  test.describe(`${flow.operation}, when Wink fails`, () => {
    for (const kind of FAULT_KINDS) {
      test(`${kind.label}: says so, sends once, recovers`, async ({ adminPage: page, sandbox }) => {
        test.setTimeout(kind.slow ? 75_000 : 45_000);
        const expectNoCrash = watchForCrashes(page);
        const context = await contextFor(page, flow, kind.label);
        await flow.prepare(context);
        const before = await sandbox.stats();

        await sandbox.fault({ operation: flow.operation, ...kind.fault });
        await flow.send(context);

        const failure = flow.failure(context);
        await expect(failure).toBeVisible({ timeout: kind.slow ? 30_000 : 10_000 });
        for (const words of expectedWords(flow.operation, kind, context.app.clientId)) {
          await expect(failure).toContainText(words);
        }
        await expectNoCrash();

        let applied = false;
        if (flow.mutation) {
          const mutation = flow.mutation;
          const done = async () =>
            (await sandbox.stats()).mutations[mutation] - before.mutations[mutation];
          if (kind.latencyMs) {
            // Let the late answer arrive: whatever the sandbox did, it has done by then.
            await page.waitForTimeout(kind.latencyMs - CONSOLE_TIMEOUT_S * 1000 + 1000);
          }
          // Done (or not) exactly as the sandbox was told.
          await expect.poll(done, { timeout: 5_000 }).toBe(kind.applied ? 1 : 0);
          applied = (await done()) === 1;
          // Sent once: never repeated on its own.
          const after = await sandbox.stats();
          expect(requestsOf(after, flow.operation) - requestsOf(before, flow.operation)).toBe(1);
        } else {
          // Reads repeat a transient failure, a bounded number of times.
          const after = await sandbox.stats();
          const sent = requestsOf(after, flow.operation) - requestsOf(before, flow.operation);
          expect(sent).toBeGreaterThanOrEqual(1);
          expect(sent).toBeLessThanOrEqual(3);
        }

        await sandbox.clearFaults();
        const changedOnRecovery = await flow.recover(context, applied);
        await expectNoCrash();
        if (flow.mutation) {
          const stats = await sandbox.stats();
          expect(stats.mutations[flow.mutation] - before.mutations[flow.mutation]).toBe(
            (applied ? 1 : 0) + changedOnRecovery,
          );
        }
      });
    }
  });
}
