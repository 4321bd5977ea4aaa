import { sanitizeCardHtml } from './sanitizeCardHtml.ts';
import { isVerbatimSafeHtml } from './verbatimHtml.ts';

/**
 * The HTML an HTML card stores: the editor's source exactly as written when it is inert
 * (isVerbatimSafeHtml: no active element, allowlisted attributes, safe URLs and styles),
 * otherwise the strict email form (sanitizeCardHtml), as before. Keeping the source lets a
 * draft's harmless HTML (a class, a comment, a relative link, a custom tag) come back as
 * written in Galley Markdown; every other export still reads the card through the email
 * sanitizer, so the inbox never gets more than the strict form.
 *
 * Whitespace at the ends is not kept: a trailing line ending belongs to the Markdown
 * around the card, and the up to three spaces CommonMark allows before an HTML block are
 * its indentation in the Markdown, not HTML content (a browser shows the block the same
 * without them). Dropping them also means the card is always written at the margin, where
 * it cannot be read as the continuation of a list item before it. Everything between the
 * first and the last character is kept as written, indentation of later lines included.
 * Idempotent: keeping the kept HTML again gives the same string.
 */
export function cardHtmlToKeep(html: unknown): string {
  if (typeof html !== 'string') return '';
  const source = html.trim();
  if (source === '') return '';
  return isVerbatimSafeHtml(source) ? source : sanitizeCardHtml(source);
}
