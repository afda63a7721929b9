/**
 * The parts of an RFC 9457 problem details body that the console reads from Wink (lib/wink parses
 * them; the contract's messages word them).
 */

/** A field Wink named in a validation error, as Wink names it (`redirectUris[1]`). */
export type FieldError = { field: string; message: string };

export type WinkProblem = {
  type?: string;
  title?: string;
  detail?: string;
  instance?: string;
  fieldErrors: FieldError[];
};
