import "server-only";

/**
 * Changes that must not overlap on the same application (two rotates from two tabs would issue
 * two pairs, and the first one shown would already be dead). Per process: together with the
 * client-ID check a rotate makes, it keeps a second tab from rotating again.
 */
const running = new Set<string>();

/** Starts an exclusive change of `key`; null while another one runs. Call the result when done. */
export function beginExclusive(key: string): (() => void) | null {
  if (running.has(key)) return null;
  running.add(key);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running.delete(key);
  };
}
