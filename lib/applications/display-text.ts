/**
 * Text that an admin typed or that Wink holds, made safe to compare and to show. Pure, shared by
 * the browser and the server.
 *
 * "Invisible" follows Unicode's General_Category Cf (format characters: zero-width spaces and
 * joiners, bidi marks, embeddings, overrides and isolates, soft hyphen, tags) plus the code points
 * that are not Cf but render as nothing on their own: variation selectors, the combining grapheme
 * joiner, Hangul fillers and the blank Braille pattern (Unicode's Default_Ignorable_Code_Point and
 * UTS #39's confusable blanks).
 */

const INVISIBLE =
  /[\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]/gu;

/** Control characters (Cc: C0, DEL, C1) and the Unicode line and paragraph separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/**
 * Bidi embeddings and overrides (LRE, RLE, PDF, LRO, RLO): they reorder the text after them,
 * which is how a name is made to read as something else ("Trojan Source", CVE-2021-42574).
 */
const BIDI_OVERRIDE = /[\u202A-\u202E]/u;

const LONE_SURROGATE = /\p{Cs}/u;

/** Control characters that are not line breaks or tabs: they render as nothing. */
const SILENT_CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/gu;
/** Runs of spaces, tabs and line breaks (NEL included), which HTML shows as one space. */
const SPACE_RUN = /[\s\u0085]+/gu;

/**
 * The text as a reader sees it: NFC-normalised, invisible characters and controls removed, each
 * run of spaces, tabs or line breaks one space (as HTML renders it), the ends trimmed.
 */
export function visibleText(text: string): string {
  return text
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .replace(SILENT_CONTROL, "")
    .replace(SPACE_RUN, " ")
    .trim();
}

/** True when the text holds half of a surrogate pair, which shows as U+FFFD and cannot be typed. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** True when the text shows nothing: empty, spaces, or only invisible characters. */
export function isBlankText(text: string): boolean {
  return visibleText(text) === "";
}

export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

export function hasBidiOverride(text: string): boolean {
  return BIDI_OVERRIDE.test(text);
}

/**
 * The first user-perceived character (an extended grapheme cluster, UAX #29) that shows something,
 * upper-cased, or "?" when there is none. Never half of a surrogate pair or of an emoji sequence:
 * a lone surrogate is serialised as U+FFFD by the server and differs from the browser's copy.
 */
export function firstGrapheme(text: string): string {
  const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
  for (const { segment } of segmenter.segment(text.normalize("NFC"))) {
    // A lone surrogate (JSON from Wink may hold one) renders as U+FFFD: skip it.
    if (visibleText(segment) !== "" && !LONE_SURROGATE.test(segment)) return segment.toUpperCase();
  }
  return "?";
}
