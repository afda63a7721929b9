"use client";

import { useState } from "react";
import {
  isScope,
  matchPreset,
  normalizeScopes,
  SCOPE_PRESETS,
  type Scope,
  type ScopePresetId,
  type ScopeSection,
} from "@/lib/wink-contract/scopes";

export type ScopePickerMode = ScopePresetId | "custom";

/**
 * Selection logic of the scope picker, over a controlled `value`. The preset shown is derived from
 * the scopes themselves, so ticking anything that is not exactly a preset reads "Custom" at once.
 */
export function useScopeSelection(value: readonly string[], onChange: (next: string[]) => void) {
  // "Custom" chosen explicitly stays custom even when the ticks happen to equal a preset.
  const [customChosen, setCustomChosen] = useState(false);
  // Radio groups select on arrow keys, so arrowing past None would wipe a hand-made selection;
  // it is kept here and comes back when the admin returns to Custom.
  const [lastCustom, setLastCustom] = useState<string[]>([]);

  const selected = new Set(value);
  const matched = matchPreset(value);
  const mode: ScopePickerMode = customChosen || matched === null ? "custom" : matched;

  function commit(next: ReadonlySet<string>) {
    // Catalogue order keeps diffs and the saved list stable; values outside the catalogue
    // (an application registered elsewhere) are kept, never dropped behind the admin's back.
    const unknown = [...next].filter((scope) => !isScope(scope));
    onChange([...normalizeScopes([...next]), ...unknown]);
  }

  function toggle(scope: Scope, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(scope);
    else next.delete(scope);
    commit(next);
  }

  function choose(next: ScopePickerMode) {
    if (next === "custom") {
      setCustomChosen(true);
      if (mode !== "custom" && lastCustom.length > 0) onChange(lastCustom);
      return;
    }
    if (mode === "custom" && value.length > 0) setLastCustom([...value]);
    setCustomChosen(false);
    onChange([...SCOPE_PRESETS[next].scopes]);
  }

  return { selected, mode, toggle, choose };
}

/** Case-insensitive match on the section's name, id, what it unlocks and its risk note. */
export function sectionMatches(section: ScopeSection, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === "") return true;
  const haystack = [
    section.id,
    section.label,
    section.unlocks,
    "riskNote" in section ? section.riskNote : "",
  ];
  return haystack.some((text) => text.toLowerCase().includes(needle));
}
