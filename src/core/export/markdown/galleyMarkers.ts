import { isRecord } from '../../model/isRecord.ts';
/**
 * The HTML comments that carry what plain Markdown cannot say. They are invisible when a
 * CommonMark renderer shows the file, and the importer recognises exactly these shapes:
 *
 * - `<!-- galley: {"kind":"poll",...} -->` right after a section's `## Title`: the
 *   section's kind, kind fields, status and assignee (JSON on one line).
 * - `<!-- galley:NAME -->` or `<!-- galley:NAME {...} -->`: a marker for the block or
 *   inline node next to it (see `MarkerName`).
 *
 * User text can never produce one: the serializer escapes a `<` that starts a tag or a
 * comment, and any `<` or `>` inside the JSON is written as `\u003c` / `\u003e`, so a value
 * containing `-->` cannot end the comment early.
 */

/**
 * - `button`: the next paragraph, a single link, is a button (label, url).
 * - `image`: the next paragraph, a single image, has `{"width": n}`.
 * - `empty-paragraph`: an empty paragraph stands here (Markdown has none).
 * - `block`: the next block has these Lexical attributes (`format` alignment, `indent`,
 *   `direction`, `textFormat`) that Markdown cannot express.
 *   Before a `#` or `##` heading it is always written, attributes or not: that heading
 *   belongs to the section body, not a new section (or the edition title).
 * - `br` (inline): a line break where CommonMark has none: at the end of a block, or
 *   inside a heading.
 * - `new-tab` (inline, right after a link): the link opens in a new tab.
 * - `roundup-item`: the next one-item list is a roundup item with these exact fields
 *   (`title`, `url`, `source`, `emoji`); see roundupMarkdown.ts.
 * - `quote-block`: the next blockquote is a quote container even though it holds one
 *   paragraph (which alone would read back as a quote of one run of text).
 */
export type MarkerName =
  | 'button'
  | 'image'
  | 'empty-paragraph'
  | 'block'
  | 'br'
  | 'new-tab'
  | 'roundup-item'
  | 'quote-block'
  | CardMarkerName;

/**
 * - `callout` / `callout-end`: the blocks between them are a callout's (`{"emoji","title"}`).
 * - `embed`: an embed with these fields; the one block after it is its readable form.
 */
export type CardMarkerName = 'callout' | 'callout-end' | 'embed';

const MARKER_NAMES = new Set<string>([
  'button',
  'image',
  'empty-paragraph',
  'block',
  'br',
  'new-tab',
  'roundup-item',
  'quote-block',
  'callout',
  'callout-end',
  'embed',
]);

/** A parsed marker: its name and its JSON attributes (empty when it has none). */
export interface Marker {
  name: MarkerName;
  attrs: Record<string, unknown>;
}

const SECTION_COMMENT = /^<!-- galley: (.*) -->$/;
const MARKER = /<!-- galley:([a-z-]+)(?: (\{[^\n]*?\}))? -->/y;

/** The comment that follows a section's heading: `<!-- galley: {json} -->`. */
export function sectionComment(fields: Record<string, unknown>): string {
  return `<!-- galley: ${safeJson(fields)} -->`;
}

/**
 * The fields of a section comment; null when `html` is not one, `'invalid'` when it is one
 * whose JSON does not parse to an object.
 */
export function parseSectionComment(html: string): Record<string, unknown> | null | 'invalid' {
  const match = SECTION_COMMENT.exec(html.trim());
  if (!match) return null;
  const value = parseJson(match[1]!);
  return value ?? 'invalid';
}

/** A marker comment, `<!-- galley:name -->` or `<!-- galley:name {json} -->`. */
export function marker(name: MarkerName, attrs?: Record<string, unknown>): string {
  const json = attrs && Object.keys(attrs).length > 0 ? ` ${safeJson(attrs)}` : '';
  return `<!-- galley:${name}${json} -->`;
}

/**
 * The markers `html` consists of (one or several written back to back), or null when it
 * is anything else: then it is ordinary HTML, and the importer keeps only its text.
 */
export function parseMarkers(html: string): Marker[] | null {
  const value = html.trim();
  const markers: Marker[] = [];
  let position = 0;
  while (position < value.length) {
    MARKER.lastIndex = position;
    const match = MARKER.exec(value);
    if (!match || !MARKER_NAMES.has(match[1]!)) return null;
    const attrs = match[2] === undefined ? {} : parseJson(match[2]);
    if (attrs === null) return null;
    markers.push({ name: match[1] as MarkerName, attrs });
    position = MARKER.lastIndex;
  }
  return markers.length > 0 ? markers : null;
}

// JSON never holds a raw `<` or `>` outside strings, so escaping them everywhere is safe
// and keeps `-->` (and `<!--`) out of the comment.
function safeJson(value: Record<string, unknown>): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}
