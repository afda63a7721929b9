import type { FaultOperation } from "./faults";

type MutationKind = "creates" | "updates" | "deletes" | "rotations";

export interface SandboxStatsSnapshot {
  requests: Partial<Record<FaultOperation, number>>;
  mutations: Record<MutationKind, number> & {
    byApplication: Record<string, Partial<Record<MutationKind, number>>>;
  };
  tokens: { requests: number; issued: number };
}

/**
 * Counters for tests: requests per operation as they arrive (faulted ones included), mutations
 * only once they have actually happened. A test that injects latency on rotate and sees two
 * rotations for one click has found a retry.
 */
export class SandboxStats {
  #snapshot = SandboxStats.#empty();

  static #empty(): SandboxStatsSnapshot {
    return {
      requests: {},
      mutations: { creates: 0, updates: 0, deletes: 0, rotations: 0, byApplication: {} },
      tokens: { requests: 0, issued: 0 },
    };
  }

  request(operation: FaultOperation): void {
    const { requests } = this.#snapshot;
    requests[operation] = (requests[operation] ?? 0) + 1;
    if (operation === "token") this.#snapshot.tokens.requests += 1;
  }

  mutation(kind: MutationKind, applicationId: string): void {
    const { mutations } = this.#snapshot;
    mutations[kind] += 1;
    const perApplication = (mutations.byApplication[applicationId] ??= {});
    perApplication[kind] = (perApplication[kind] ?? 0) + 1;
  }

  tokenIssued(): void {
    this.#snapshot.tokens.issued += 1;
  }

  reset(): void {
    this.#snapshot = SandboxStats.#empty();
  }

  snapshot(): SandboxStatsSnapshot {
    return structuredClone(this.#snapshot);
  }
}
