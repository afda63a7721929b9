/**
 * The typed-name confirmation of rotate and delete. Pure and shared: the dialog arms its button
 * with it, and the server action checks it again (the action is a public endpoint).
 */
import { z } from "zod";

export const CONFIRMATION_MAX_LENGTH = 300;

export const confirmationSchema = z
  .string({ message: "Type the application's name to confirm." })
  .max(CONFIRMATION_MAX_LENGTH, "Type the application's name to confirm.");

/**
 * What the admin types: the application's name, trimmed. Wink's own records may have a blank name
 * (the schema reads what Wink sends); then the client ID, so that an empty box never arms a
 * destructive button.
 */
export function confirmationPhrase(application: {
  id: string;
  name: string;
  clientId: string;
}): string {
  return application.name.trim() || application.clientId.trim() || application.id;
}

export function confirmationMatches(typed: string, phrase: string): boolean {
  const expected = phrase.trim();
  return expected !== "" && typed.trim() === expected;
}
