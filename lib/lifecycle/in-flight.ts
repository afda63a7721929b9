/**
 * Changes in flight in this process: a count that a shutdown waits on, so that a rotate whose
 * answer is on its way (Wink has issued the new secret, the admin has not yet seen it) finishes
 * before the database closes and the process exits.
 *
 * Kept on globalThis: Next.js bundles server actions and instrumentation.ts apart, each with its
 * own copy of this module, and the shutdown in one must see the changes counted in the other.
 */

type InFlight = { count: number; waiters: Set<() => void> };
const KEY = Symbol.for("wink-console.changes-in-flight");
type Holder = { [KEY]?: InFlight };

function state(): InFlight {
  const holder = globalThis as Holder;
  holder[KEY] ??= { count: 0, waiters: new Set() };
  return holder[KEY];
}

/** Runs `change`, counting it as in flight until it settles, whichever way it ends. */
export async function trackChange<T>(change: () => Promise<T>): Promise<T> {
  const current = state();
  current.count += 1;
  try {
    return await change();
  } finally {
    current.count -= 1;
    if (current.count === 0) {
      for (const wake of current.waiters) wake();
      current.waiters.clear();
    }
  }
}

/** How many changes are running now. */
export function changesInFlight(): number {
  return state().count;
}

/**
 * Resolves `true` when no change is in flight (at once if none is), or `false` after `timeoutMs`
 * with changes still running.
 */
export function whenNoChangeInFlight(timeoutMs: number): Promise<boolean> {
  const current = state();
  if (current.count === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      current.waiters.delete(wake);
      resolve(false);
    }, timeoutMs);
    current.waiters.add(wake);
  });
}
