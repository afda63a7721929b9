/**
 * Wink's scope catalogue: ten sections times three actions, 30 scopes in all.
 *
 * Pure data with no server-only fence: the scope picker renders it in the browser, the server
 * action validates against it, and the sandbox registers the same scopes with its token endpoint.
 */

export const SCOPE_ACTIONS = ["read", "write", "remove"] as const;
export type ScopeAction = (typeof SCOPE_ACTIONS)[number];

export const SCOPE_ACTION_LABELS: Record<ScopeAction, { label: string; verbs: string }> = {
  read: { label: "Read", verbs: "GET: view" },
  write: { label: "Write", verbs: "POST, PUT, PATCH: create and change" },
  remove: { label: "Remove", verbs: "DELETE: delete" },
};

export type SectionRisk = "low-medium" | "medium-high";

export const SCOPE_SECTIONS = [
  {
    id: "account",
    label: "Account",
    unlocks: "Managing entities, team members, settings, applications",
    risk: "low-medium",
  },
  {
    id: "inventory",
    label: "Inventory",
    unlocks:
      "Properties, room types, rate plans, rates, add-ons, availability, activities, attractions",
    risk: "low-medium",
  },
  {
    id: "booking",
    label: "Booking",
    unlocks: "Search, view, create, cancel and refund bookings; checkout; cancellation policies",
    risk: "low-medium",
  },
  {
    id: "marketing",
    label: "Marketing",
    unlocks: "Campaigns, perks, sales channels, WinkLinks, managed social, loyalty",
    risk: "low-medium",
  },
  {
    id: "content",
    label: "Content",
    unlocks: "Property descriptions, reviews, media, maps, green index",
    risk: "low-medium",
  },
  {
    id: "analytics",
    label: "Analytics",
    unlocks: "Reporting and analytics: revenue, leaderboards",
    risk: "low-medium",
  },
  {
    id: "integrations",
    label: "Integrations",
    unlocks:
      "Channel managers, external booking systems, Google Hotel, notification endpoints, booking sync",
    risk: "low-medium",
  },
  {
    id: "payment",
    label: "Payment",
    unlocks: "Payment processing, Stripe, Revolut, payouts, subscriptions",
    risk: "medium-high",
    riskNote: "Moves money: can take payments, issue refunds and change where payouts go.",
  },
  {
    id: "accounting",
    label: "Accounting",
    unlocks: "Accounting, withdrawal ledger, reconciliation",
    risk: "medium-high",
    riskNote: "Reads and changes the ledger and withdrawals: financial records of the account.",
  },
  {
    id: "mcp",
    label: "MCP",
    unlocks: "Opens the MCP transport (/mcp) for AI agents",
    risk: "low-medium",
    agentOnly: true,
  },
] as const satisfies ReadonlyArray<{
  id: string;
  label: string;
  unlocks: string;
  risk: SectionRisk;
  riskNote?: string;
  agentOnly?: boolean;
}>;

export type ScopeSection = (typeof SCOPE_SECTIONS)[number];
export type ScopeSectionId = ScopeSection["id"];
export type Scope = `${ScopeSectionId}.${ScopeAction}`;

export const ALL_SCOPES: readonly Scope[] = SCOPE_SECTIONS.flatMap((section) =>
  SCOPE_ACTIONS.map((action) => `${section.id}.${action}` as Scope),
);

const SCOPE_SET: ReadonlySet<string> = new Set(ALL_SCOPES);

export function isScope(value: string): value is Scope {
  return SCOPE_SET.has(value);
}

export function parseScope(scope: Scope): { section: ScopeSectionId; action: ScopeAction } {
  const [section, action] = scope.split(".") as [ScopeSectionId, ScopeAction];
  return { section, action };
}

export function sectionOf(id: ScopeSectionId): ScopeSection {
  return SCOPE_SECTIONS.find((section) => section.id === id)!;
}

/**
 * Risk of a single scope. A section's catalogue risk is a range; the action picks the end of it:
 * reading is the low end, changing or deleting the high end.
 */
export type ScopeRisk = "low" | "medium" | "high";
export const RISK_ORDER: Record<ScopeRisk, number> = { low: 0, medium: 1, high: 2 };

export function scopeRisk(scope: Scope): ScopeRisk {
  const { section, action } = parseScope(scope);
  const high = sectionOf(section).risk === "medium-high";
  if (action === "read") return high ? "medium" : "low";
  return high ? "high" : "medium";
}

/** The highest risk among the scopes, or null for none (an OIDC-only application). */
export function highestRisk(scopes: readonly string[]): ScopeRisk | null {
  let highest: ScopeRisk | null = null;
  for (const scope of scopes) {
    if (!isScope(scope)) continue;
    const risk = scopeRisk(scope);
    if (highest === null || RISK_ORDER[risk] > RISK_ORDER[highest]) highest = risk;
  }
  return highest;
}

/** Presets of the picker. "custom" is whatever the admin ticks. */
export const SCOPE_PRESETS = {
  none: { label: "None", description: "OIDC sign-in only: no API access.", scopes: [] as Scope[] },
  readOnly: {
    label: "Read-only",
    description: "View every section, change nothing. Excludes MCP.",
    scopes: SCOPE_SECTIONS.filter((section) => !("agentOnly" in section)).map(
      (section) => `${section.id}.read` as Scope,
    ),
  },
} as const;

/** The scopes the console itself needs to manage applications. */
export const CONSOLE_SCOPES: readonly Scope[] = ["account.read", "account.write", "account.remove"];

export type ScopePresetId = keyof typeof SCOPE_PRESETS;

/** "Booking: write": the name a scope goes by in the UI and for assistive technology. */
export function scopeLabel(scope: Scope): string {
  const { section, action } = parseScope(scope);
  return `${sectionOf(section).label}: ${action}`;
}

/** Known scopes only, without duplicates, in catalogue order (sections, then read/write/remove). */
export function normalizeScopes(scopes: readonly string[]): Scope[] {
  const wanted = new Set(scopes);
  return ALL_SCOPES.filter((scope) => wanted.has(scope));
}

/** The preset whose scopes are exactly these (order and duplicates ignored), or null: custom. */
export function matchPreset(scopes: readonly string[]): ScopePresetId | null {
  const known = normalizeScopes(scopes);
  // An unknown scope matches no preset: treating it as one would drop it on the next save.
  if (known.length !== new Set(scopes).size) return null;
  for (const id of Object.keys(SCOPE_PRESETS) as ScopePresetId[]) {
    const preset: readonly Scope[] = SCOPE_PRESETS[id].scopes;
    if (preset.length === known.length && preset.every((scope) => known.includes(scope))) {
      return id;
    }
  }
  return null;
}

export interface ScopeSummary {
  count: number;
  byRisk: Record<ScopeRisk, number>;
  highest: ScopeRisk | null;
  /** Values outside the catalogue, kept so that nothing is dropped silently. */
  unknown: string[];
}

export function summarizeScopes(scopes: readonly string[]): ScopeSummary {
  const known = normalizeScopes(scopes);
  const byRisk: Record<ScopeRisk, number> = { low: 0, medium: 0, high: 0 };
  for (const scope of known) byRisk[scopeRisk(scope)] += 1;
  const unknown = [...new Set(scopes)].filter((scope) => !isScope(scope));
  return { count: known.length + unknown.length, byRisk, highest: highestRisk(known), unknown };
}

/** Sections with at least one of the scopes, each with its chosen actions in catalogue order. */
export function groupScopesBySection(
  scopes: readonly string[],
): { section: ScopeSection; actions: ScopeAction[]; risk: ScopeRisk }[] {
  const known = normalizeScopes(scopes);
  return SCOPE_SECTIONS.flatMap((section) => {
    const mine = known.filter((scope) => parseScope(scope).section === section.id);
    if (mine.length === 0) return [];
    return [
      {
        section,
        actions: mine.map((scope) => parseScope(scope).action),
        risk: highestRisk(mine) ?? "low",
      },
    ];
  });
}
