/**
 * Turns what a user types into the search box into an FTS5 query that cannot fail to
 * parse. FTS5 has its own syntax (`AND`, `NEAR(`, `"`, `*`, `col:`), and a stray quote
 * or parenthesis is a syntax error, so no user text ever reaches it unquoted.
 */

/** A term must contain a letter or digit; `*`, `(` or `--` alone would match nothing. */
const SEARCHABLE = /[\p{L}\p{N}]/u;

/** Longest query kept: a pasted paragraph should not become a 2,000-phrase query. */
const MAX_TERMS = 32;

/**
 * An FTS5 query that matches rows containing every term, the last one as a prefix (the
 * user may still be typing it); null when the input has no searchable term.
 */
export function toFtsQuery(input: string): string | null {
  const terms = searchTerms(input);
  if (terms.length === 0) return null;
  // Inside double quotes FTS5 reads everything as text; a quote is escaped by doubling.
  const quoted = terms.map((term) => `"${term.replaceAll('"', '""')}"`);
  return `${quoted.join(' ')}*`;
}

/**
 * The words of a search as both stores read them: split on white space, kept only when
 * they hold a letter or digit, at most MAX_TERMS. PostgreSQL's search uses it too.
 */
export function searchTerms(input: string): string[] {
  return String(input)
    .split(/\s+/u)
    .filter((term) => SEARCHABLE.test(term))
    .slice(0, MAX_TERMS);
}
