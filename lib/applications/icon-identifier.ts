/**
 * Application icons: Wink stores a Cloudinary `public_id` (Wink's contract, `iconIdentifier`), and
 * the console turns it into an image URL under Wink's own Cloudinary cloud. The value comes from an
 * admin or from Wink (which may hold anything another client wrote), so it is checked against the
 * grammar before it becomes part of a URL: a `../` in it would otherwise resolve to another cloud's
 * image. Pure, shared by the form's schema and the components.
 */

/** Cloudinary's limit on a public_id, and the console's own form limit. */
export const ICON_IDENTIFIER_MAX_LENGTH = 255;

const SEGMENT = /^[A-Za-z0-9_.-]+$/;

/**
 * True for a public_id the console will put in a URL: folders and a name separated by single `/`,
 * each of letters, digits, `_`, `-` and `.`, none of them `.` or `..` (dot segments, which URL
 * resolution would climb out with), none empty (no leading, trailing or doubled `/`), and no `..`
 * anywhere. Percent signs, backslashes, colons and spaces are outside the grammar, so encoded dots
 * (`%2e%2e`), absolute URLs and `//host` never pass.
 */
export function isCloudinaryPublicId(value: string): boolean {
  if (value.length === 0 || value.length > ICON_IDENTIFIER_MAX_LENGTH) return false;
  if (value.includes("..")) return false;
  return value.split("/").every((segment) => SEGMENT.test(segment) && segment !== ".");
}

const CLOUDINARY_BASE = "https://res.cloudinary.com/traveliko/image/upload";

/**
 * The URL of a square thumbnail `size` pixels wide, or null when the identifier is not a valid
 * public_id (the caller shows the initial instead). Each segment is encoded on its own, so even a
 * character the grammar lets through could not be read as a path separator.
 */
export function cloudinaryIconUrl(publicId: string, size = 64): string | null {
  if (!isCloudinaryPublicId(publicId)) return null;
  const path = publicId.split("/").map(encodeURIComponent).join("/");
  return `${CLOUDINARY_BASE}/c_fill,w_${Math.round(size)},h_${Math.round(size)}/${path}`;
}
