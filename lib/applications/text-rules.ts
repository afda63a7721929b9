/**
 * The rules for the application's texts: its name, its icon identifier, and the description and
 * owner only the console keeps. The form's schema and the record's writer apply them. Pure.
 */
import { z } from "zod";
import { hasBidiOverride, hasControlCharacter, isBlankText } from "@/lib/applications/display-text";
import { isCloudinaryPublicId } from "@/lib/applications/icon-identifier";

export const NAME_MAX_LENGTH = 100;
export const ICON_MAX_LENGTH = 255;
export const DESCRIPTION_MAX_LENGTH = 1000;
export const OWNER_MAX_LENGTH = 200;

/** A Cloudinary public_id (see lib/applications/icon-identifier.ts for the grammar). */
export const iconIdentifierSchema = z
  .string()
  .trim()
  .max(ICON_MAX_LENGTH, `Keep it under ${ICON_MAX_LENGTH} characters.`)
  .refine(
    (value) => value === "" || isCloudinaryPublicId(value),
    "Use a Cloudinary public ID: letters, digits, _ - . and / (for folders), such as brand/app-icon.",
  )
  .transform((value) => (value === "" ? null : value))
  .nullable();

/**
 * Names are NFC-normalised (so "é" typed two ways is one name) and must show something: a name of
 * only zero-width or formatting characters renders blank in every list and dialog. Control
 * characters and bidi overrides are refused: they break lines or reorder the text around them.
 */
export const nameSchema = z
  .string()
  .normalize("NFC")
  .trim()
  .min(1, "Give the application a name.")
  .max(NAME_MAX_LENGTH, `Keep the name under ${NAME_MAX_LENGTH} characters.`)
  .refine(
    (name) => !isBlankText(name),
    "Give the application a name that shows: this one has only invisible characters.",
  )
  .refine(
    (name) => !hasControlCharacter(name),
    "A name cannot contain control characters such as tabs or line breaks.",
  )
  .refine(
    (name) => !hasBidiOverride(name),
    "A name cannot contain bidi override characters (U+202A to U+202E): they make text read in another order.",
  );

/**
 * Text only the console keeps (an application's description and owner), held to the name's
 * rules: NFC, trimmed, a length limit, no control characters (a description may have line
 * breaks), no bidi overrides, and never only invisible characters. Empty clears it.
 */
function consoleTextSchema(what: string, max: number, lineBreaks: boolean) {
  const controls = lineBreaks
    ? (text: string) => text.replace(/\r?\n/g, "")
    : (text: string) => text;
  return z
    .string()
    .normalize("NFC")
    .trim()
    .max(max, `Keep the ${what} under ${max} characters.`)
    .refine(
      (text) => text === "" || !isBlankText(text),
      `This ${what} has only invisible characters: write one that shows, or leave it empty.`,
    )
    .refine(
      (text) => !hasControlCharacter(controls(text)),
      lineBreaks
        ? `A ${what} cannot contain control characters such as tabs.`
        : `A ${what} cannot contain control characters such as tabs or line breaks.`,
    )
    .refine(
      (text) => !hasBidiOverride(text),
      `A ${what} cannot contain bidi override characters (U+202A to U+202E): they make text read in another order.`,
    );
}

/** The description and owner, shared by the edit form and `recordDetailsSchema`. */
export const descriptionSchema = consoleTextSchema("description", DESCRIPTION_MAX_LENGTH, true);
export const ownerSchema = consoleTextSchema("owner", OWNER_MAX_LENGTH, false);
