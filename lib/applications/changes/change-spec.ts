import type { z } from "zod";
import type { AuditAction } from "@/lib/audit";
import type { AuditChanges } from "@/lib/audit/write";
import type { WinkError } from "@/lib/wink";
import type { ChangeActor, ChangeDependencies } from "./dependencies";
import type { ApplicationTarget, EntityTarget, Refusal } from "./preflight";

/**
 * What a change tells the pipeline (pipeline.ts) about itself: its schema, its audit name, its own
 * check, its one Wink call and its record. create.ts, update.ts, rotate.ts and delete.ts each
 * declare one.
 */

/** What came from the browser, unchecked: every member may be anything. */
export type ChangeRequest = {
  entityId: unknown;
  /** Absent for create, which has no application yet. */
  applicationId?: unknown;
  submissionId: unknown;
  /** What the change's schema parses: the form's values, or the typed confirmation. */
  input: unknown;
};

/** What the Wink call came to: done (with the data for the browser), or answered but not done. */
export type WinkCallResult<T> =
  | { done: true; data: T; status: number; applicationId?: string; clientId?: string }
  /** Wink answered without doing it (delete's `success: false`): `reason` is its message. */
  | { done: false; reason: string; status: number };

export type ChangeContext<V, Target> = {
  values: V;
  target: Target;
  deps: ChangeDependencies;
  /** The signed-in admin (authorize has passed). */
  actor: ChangeActor;
};

export type ChangeSpecBase<S extends z.ZodType, T, Target> = {
  /** What the audit events name: the action wrapper takes it as data. */
  audit: AuditAction;
  schema: S;
  /** The refusal of a replayed submission id (409). */
  repeated: string;
  /** The change's own rule, after the shared preflight and before the id is claimed. */
  check?(
    context: ChangeContext<z.output<S>, Target>,
  ): Refusal | undefined | Promise<Refusal | undefined>;
  /** What the change is about to change, for the audit (an update's scope and URI diff). */
  describe?(context: ChangeContext<z.output<S>, Target>): AuditChanges | undefined;
  /** The one call to Wink. */
  call(context: ChangeContext<z.output<S>, Target>): Promise<WinkCallResult<T>>;
  /** After Wink did it: the console's record (deps.record). May throw; the answer still goes back. */
  record?(context: ChangeContext<z.output<S>, Target>, data: T): Promise<unknown>;
  /** The words for a lost answer, when the change has better ones than lib/wink's. */
  unknownOutcome?(error: WinkError, context: ChangeContext<z.output<S>, Target>): string;
};

/** Create: acts on the managing entity. */
export type EntityChange<S extends z.ZodType, T> = ChangeSpecBase<S, T, EntityTarget> & {
  target: "entity";
};

/** Update, rotate, delete: act on an application, read from Wink first. */
export type ApplicationChange<S extends z.ZodType, T> = ChangeSpecBase<S, T, ApplicationTarget> & {
  target: "application";
  /** Rotate and delete: refuse the console's own credential (it would lock the console out). */
  protectConsoleApplication?: boolean;
  /** Rotate and delete: the typed name, which must match the application's. */
  confirmation?(values: z.output<S>): string;
  /**
   * Rotate and delete: one such change of an application at a time (in any console process), held
   * from the read of the application to Wink's answer.
   */
  exclusive?: { refused: string };
  /**
   * Delete: the application as a page of this process showed it a moment ago stands in for the
   * read (recent-answers.ts says why that is enough for its checks, and why not for the others').
   */
  reuseShown?: boolean;
};
