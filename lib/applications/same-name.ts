/**
 * Wink allows two applications with the same name, but people choosing on Wink's consent screen,
 * and admins reading the list, cannot tell them apart: the console warns before it makes one.
 * Names count as the same when a person would read them as the same: Unicode compatibility forms
 * (NFKC: full-width letters, ligatures), letter case, invisible format characters (zero-width
 * spaces and joiners, bidi marks) and runs of white space do not make a name different.
 */

/** The form of a name that two names share when people would read them as one. */
export function nameKey(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/\p{Cf}/gu, "")
    .replace(/\s+/gu, " ")
    .trim()
    .toLocaleLowerCase("en");
}

/**
 * The first application whose name reads the same as `name`, or undefined. In: the name typed in
 * the form and every application of the entity (the server's copy of Wink's list, see
 * `findApplicationWithSameName` in ./list.ts).
 */
export function applicationWithSameName<T extends { name: string }>(
  name: string,
  applications: readonly T[],
): T | undefined {
  const key = nameKey(name);
  if (key === "") return undefined;
  return applications.find((application) => nameKey(application.name) === key);
}
