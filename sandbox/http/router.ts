/**
 * A small path router: patterns like "/api/managing-entity/:entityId/application/:id". Literal
 * segments win over parameters, whatever the declaration order, so ".../application/list" is never
 * read as the application with id "list".
 */

export interface Route<T> {
  method: string;
  pattern: string;
  value: T;
}

export type RouteMatch<T> =
  | { kind: "found"; value: T; params: Record<string, string> }
  | { kind: "method-not-allowed"; allow: string[] }
  | { kind: "not-found" };

interface CompiledRoute<T> extends Route<T> {
  segments: string[];
  literals: number;
}

export class Router<T> {
  #routes: CompiledRoute<T>[] = [];

  add(method: string, pattern: string, value: T): this {
    const segments = split(pattern);
    const literals = segments.filter((segment) => !segment.startsWith(":")).length;
    this.#routes.push({ method, pattern, value, segments, literals });
    this.#routes.sort((a, b) => b.literals - a.literals);
    return this;
  }

  match(method: string, path: string): RouteMatch<T> {
    const segments = split(path);
    const allow = new Set<string>();
    const matchedPatterns = new Set<string>();
    for (const route of this.#routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      // A more specific pattern that matched shadows less specific ones for the 405 answer.
      if (matchedPatterns.size > 0 && !matchedPatterns.has(route.pattern)) continue;
      matchedPatterns.add(route.pattern);
      if (route.method === method) return { kind: "found", value: route.value, params };
      allow.add(route.method);
    }
    return allow.size > 0
      ? { kind: "method-not-allowed", allow: [...allow] }
      : { kind: "not-found" };
  }
}

function split(path: string): string[] {
  return path.split("/").filter(Boolean);
}

function matchSegments(pattern: string[], path: string[]): Record<string, string> | null {
  if (pattern.length !== path.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const expected = pattern[i]!;
    const actual = path[i]!;
    if (expected.startsWith(":")) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(actual);
      } catch {
        return null;
      }
      params[expected.slice(1)] = decoded;
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
}
