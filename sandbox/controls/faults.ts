import { z } from "zod";

/**
 * Injected faults, one per operation at a time. Off unless the test controls are on.
 *
 * Whether the mutation behind a faulted request happens (`applyMutation`):
 * - `latency`: always; the answer is only late. Tests count the rotations a slow answer caused.
 * - `hang`: yes by default. A time-out is ambiguous in real life: the client cannot know whether
 *   Wink acted, and the console must not retry a rotate on the assumption that it did not.
 * - `malformed`: yes by default: a 200 says it happened, only the body is broken. A request that
 *   fails anyway (401, 404, 400) gets its real error answer.
 * - `status`: no by default (Wink failed before acting); `applyMutation: true` simulates a failure
 *   after the commit.
 */

export const FAULT_OPERATIONS = [
  "list",
  "get",
  "create",
  "update",
  "delete",
  "rotate",
  "entities",
  "token",
] as const;
export type FaultOperation = (typeof FAULT_OPERATIONS)[number];

export const STATUS_BODIES = ["problem", "empty-object", "non-json"] as const;

export const faultSchema = z.discriminatedUnion("kind", [
  z.object({
    operation: z.enum(FAULT_OPERATIONS),
    kind: z.literal("latency"),
    ms: z.number().int().min(0).max(600_000),
    times: z.number().int().min(1).optional(),
  }),
  z.object({
    operation: z.enum(FAULT_OPERATIONS),
    kind: z.literal("status"),
    status: z.number().int().min(400).max(599),
    body: z.enum(STATUS_BODIES).default("problem"),
    times: z.number().int().min(1).optional(),
    applyMutation: z.boolean().default(false),
  }),
  z.object({
    operation: z.enum(FAULT_OPERATIONS),
    kind: z.literal("hang"),
    times: z.number().int().min(1).optional(),
    applyMutation: z.boolean().default(true),
  }),
  z.object({
    operation: z.enum(FAULT_OPERATIONS),
    kind: z.literal("malformed"),
    times: z.number().int().min(1).optional(),
    applyMutation: z.boolean().default(true),
  }),
]);

export type Fault = z.infer<typeof faultSchema>;
export type FaultInput = z.input<typeof faultSchema>;

interface ActiveFault {
  fault: Fault;
  /** Requests still to fault; Infinity until cleared. */
  remaining: number;
}

export class FaultRegistry {
  #active = new Map<FaultOperation, ActiveFault>();

  set(fault: Fault): void {
    this.#active.set(fault.operation, { fault, remaining: fault.times ?? Infinity });
  }

  clear(): void {
    this.#active.clear();
  }

  list(): (Fault & { remaining: number | null })[] {
    return [...this.#active.values()].map(({ fault, remaining }) => ({
      ...fault,
      remaining: Number.isFinite(remaining) ? remaining : null,
    }));
  }

  /** The fault for this request, if any; counts it against `times`. */
  take(operation: FaultOperation): Fault | undefined {
    const active = this.#active.get(operation);
    if (!active) return undefined;
    active.remaining -= 1;
    if (active.remaining <= 0) this.#active.delete(operation);
    return active.fault;
  }
}

/** Whether the request behind a fault still does its work. */
export function faultApplies(fault: Fault | undefined): boolean {
  if (!fault || fault.kind === "latency") return true;
  return fault.applyMutation;
}
