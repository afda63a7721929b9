import "server-only";

/**
 * A body from Wink or its token endpoint as JSON, or undefined when it is empty or not JSON (an
 * HTML page from a proxy, a truncated answer). Callers check the shape with zod; this never throws.
 */
export function parseJson(body: string): unknown {
  if (!body.trim()) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
