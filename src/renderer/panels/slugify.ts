/** The longest slug a file name gets; long titles are cut at a word boundary. */
const MAX_SLUG_LENGTH = 60;

/**
 * A file-name-safe slug for an edition title: lower-case ASCII letters, digits and
 * single hyphens ("Édition n° 12: Spring’s here!" -> "edition-n-12-springs-here").
 * Falls back to `edition` when nothing usable is left.
 */
export function slugify(title: string): string {
  const ascii = title
    .normalize('NFKD')
    // Combining marks left by NFKD: "é" -> "e".
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // Apostrophes join a word ("editor’s" -> "editors") instead of splitting it.
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii === '') return 'edition';
  if (ascii.length <= MAX_SLUG_LENGTH) return ascii;
  const cut = ascii.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  const trimmed = lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG_LENGTH);
  return trimmed.replace(/-+$/g, '');
}
