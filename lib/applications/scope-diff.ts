/**
 * What an edit does to an application's scopes, for the review shown before saving. Pure data:
 * the edit form renders it and the tests pin it.
 */
import { isScope, normalizeScopes, scopeRisk, type ScopeRisk } from "@/lib/wink-contract/scopes";

export type ScopeChange = {
  scope: string;
  /** null for a scope outside Wink's catalogue: its risk is not known. */
  risk: ScopeRisk | null;
};

export type ScopeDiff = { added: ScopeChange[]; removed: ScopeChange[] };

/** Catalogue order (sections, then read/write/remove), values outside the catalogue last. */
function ordered(scopes: Iterable<string>): ScopeChange[] {
  const all = [...new Set(scopes)];
  const unknown = all.filter((scope) => !isScope(scope)).sort();
  return [
    ...normalizeScopes(all).map((scope) => ({ scope, risk: scopeRisk(scope) })),
    ...unknown.map((scope) => ({ scope, risk: null })),
  ];
}

export function diffScopes(before: readonly string[], after: readonly string[]): ScopeDiff {
  const was = new Set(before);
  const now = new Set(after);
  return {
    added: ordered(after.filter((scope) => !was.has(scope))),
    removed: ordered(before.filter((scope) => !now.has(scope))),
  };
}

export function hasScopeChanges(diff: ScopeDiff): boolean {
  return diff.added.length > 0 || diff.removed.length > 0;
}

/** The scopes of `required` that `scopes` lacks, in the order of `required`. */
export function missingScopes(required: readonly string[], scopes: readonly string[]): string[] {
  const present = new Set(scopes);
  return required.filter((scope) => !present.has(scope));
}

/** Scopes outside the catalogue: Wink will not accept them back, so the form must drop them. */
export function unknownScopes(scopes: readonly string[]): string[] {
  return [...new Set(scopes)].filter((scope) => !isScope(scope));
}
