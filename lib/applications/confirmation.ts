/**
 * The typed-name confirmation of rotate and delete. Pure and shared: the dialog arms its button
 * with it, and the server action checks it again (the action is a public endpoint).
 *
 * The rule, the same on both sides: the phrase is the application's name as it shows, NFC-normalised
 * with invisible and formatting characters removed (`visibleText`), so a name Wink holds with a
 * bidi override or zero-width characters (written by another client) is shown readable and can be
 * typed as shown. What the admin types goes through the same function before it is compared.
 */
import { z } from "zod";
import { hasLoneSurrogate, visibleText } from "@/lib/applications/display-text";

export const CONFIRMATION_MAX_LENGTH = 300;

export const confirmationSchema = z
  .string({ message: "Type the application's name to confirm." })
  .max(CONFIRMATION_MAX_LENGTH, "Type the application's name to confirm.");

/** Longer than a name the console accepts: Wink may hold one, but nobody should type it. */
const PHRASE_MAX_LENGTH = 100;

/** The visible form of `text` when someone can type it, else "". */
function typeable(text: string): string {
  const visible = visibleText(text);
  return visible.length <= PHRASE_MAX_LENGTH && !hasLoneSurrogate(visible) ? visible : "";
}

/**
 * What the admin types: the application's visible name. When that cannot be typed (blank, only
 * invisible characters, half of a surrogate pair, or longer than any name the console accepts, as
 * Wink may hold), the client ID, then the application's id, so that every application can be
 * confirmed and an empty box never arms a destructive button.
 */
export function confirmationPhrase(application: {
  id: string;
  name: string;
  clientId: string;
}): string {
  return typeable(application.name) || typeable(application.clientId) || application.id;
}

/** True when the typed text, read the way the phrase was made, is the phrase; never for "". */
export function confirmationMatches(typed: string, phrase: string): boolean {
  const expected = visibleText(phrase);
  return expected !== "" && visibleText(typed) === expected;
}
