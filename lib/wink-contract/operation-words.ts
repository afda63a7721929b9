import type { Scope } from "./scopes";

/**
 * How the console speaks of each Wink operation it uses, in the messages of lib/wink and the
 * e2e tests that check them: what it was trying to do, what a 404 could not find, the scope it
 * needs (Wink's contract, per operation), and for a change, what to do when the outcome is unknown.
 */

/** What the messages need to know about the operation that failed. */
export type OperationWords = {
  /** A verb phrase: "list the applications", "rotate the application's credentials". */
  action: string;
  /** What a 404 could not find: "the application", "the managing entity". */
  subject: string;
  requiredScope: Scope;
  /** Said when a change may or may not have happened; absent for reads. */
  unknownOutcome?: string;
};

export const OPERATION_WORDS = {
  listApplications: {
    action: "list the applications",
    subject: "the managing entity",
    requiredScope: "account.read",
  },
  getApplication: {
    action: "show the application",
    subject: "the application",
    requiredScope: "account.read",
  },
  createApplication: {
    action: "create the application",
    subject: "the managing entity",
    requiredScope: "account.write",
    unknownOutcome:
      "The outcome is unknown: the application may have been created. Check the list before creating it again.",
  },
  updateApplication: {
    action: "save the application",
    subject: "the application",
    requiredScope: "account.write",
    unknownOutcome:
      "The outcome is unknown: the changes may have been saved. Reload the application before editing it again.",
  },
  deleteApplication: {
    action: "delete the application",
    subject: "the application",
    requiredScope: "account.remove",
    unknownOutcome:
      "The outcome is unknown: the application may have been deleted. Reload the list before trying again.",
  },
  rotateApplicationCredentials: {
    action: "rotate the application's credentials",
    subject: "the application",
    requiredScope: "account.write",
    unknownOutcome:
      "The outcome is unknown: the credentials may have been rotated, in which case the old client id and secret stopped working and the new secret is lost. Check whether the application's client id has changed before rotating again.",
  },
  listManagingEntities: {
    action: "list the managing entities",
    subject: "the managing entities",
    requiredScope: "account.read",
  },
  listAllManagingEntities: {
    action: "list the managing entities",
    subject: "the managing entities",
    requiredScope: "account.read",
  },
} as const satisfies Record<string, OperationWords>;

export type OperationName = keyof typeof OPERATION_WORDS;
