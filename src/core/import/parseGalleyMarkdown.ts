import { restoreEdition } from '../model/restoreEdition.ts';
import type { Edition } from '../model/types.ts';
import { sanitizeLinkUrl } from '../model/url.ts';
import { decodeUtf8 } from './decodeInput.ts';
import { flowToBlocks } from './flowToBlocks.ts';
import { splitFrontMatter } from './frontMatter.ts';
import { createImportContext, type ImportContext } from './importContext.ts';
import { ImportNotes } from './importNotes.ts';
import type { Loose } from './looseNodes.ts';
import { blocksToBody } from './markdownToBody.ts';
import { parseMarkdownTree } from './parseMarkdownTree.ts';
import { splitSections, type SectionDraft } from './splitSections.ts';

/**
 * Files larger than this are refused. A 10,000-word edition is about 70 KB of Markdown; the
 * cap bounds the parse (micromark needs a few microseconds per byte, and up to ten times
 * that on tables and escape-heavy text) for a backend that also serves live sessions.
 */
export const MAX_MARKDOWN_BYTES = 256 * 1024;

/** Why a file could not be imported at all. */
export type MarkdownImportErrorCode = 'not-utf8' | 'bad-front-matter' | 'too-large' | 'too-complex';

/** The outcome of an import: an edition and what changed on the way, or why nothing was made. */
export type MarkdownImportResult =
  | { ok: true; edition: Edition; warnings: string[] }
  | { ok: false; error: { code: MarkdownImportErrorCode; message: string } };

const META_KEYS = new Set(['title', 'subject', 'preheader', 'status', 'number', 'publishDate']);
// Front matter keys that would steer the import itself rather than describe the edition.
const IGNORED_KEYS = new Set(['id', 'formatVersion', 'sections', 'extra', '__proto__']);
const SECTION_KEYS = [
  'kind',
  'status',
  'assignee',
  'agenda',
  'sponsor',
  'url',
  'cta',
  'disclosure',
  'sponsorId',
  'question',
  'options',
  'voteUrl',
  'prompt',
  'choices',
] as const;

/**
 * Reads Galley Markdown (or any Markdown) into a new edition: front matter gives the
 * edition fields (unknown keys go to `extra`), each `##` a section, a galley comment after
 * it the section's kind and fields; text before the first `##` becomes an intro section
 * and a `#` heading that opens the file the title (when the front matter has none). The
 * result has passed `restoreEdition`, so it is canonical, with fresh edition and section
 * ids: importing the same file twice gives two editions. Expected failures (bytes that
 * are not UTF-8, bad front matter, a file too large) come back as results.
 */
export function parseGalleyMarkdown(input: Uint8Array | string): MarkdownImportResult {
  try {
    return parse(input);
  } catch (error) {
    // The guards bound nesting, so this is a last line of defence, not a path in use.
    if (!(error instanceof RangeError)) throw error;
    return fail('too-complex', 'The file is nested too deeply to import.');
  }
}

function parse(input: Uint8Array | string): MarkdownImportResult {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_MARKDOWN_BYTES) {
    return fail(
      'too-large',
      `The file is ${Math.ceil(size / 1024)} KB; the most Galley imports is ${MAX_MARKDOWN_BYTES / 1024} KB.`,
    );
  }
  const text = typeof input === 'string' ? input.replace(/^\ufeff/, '') : decodeUtf8(input);
  if (text === null)
    return fail(
      'not-utf8',
      'The file is not valid UTF-8 text. Save it as UTF-8 and import it again.',
    );
  const front = splitFrontMatter(text);
  if (!front.ok) return fail('bad-front-matter', front.message);
  const { data, markdown } = front.value;

  const notes = new ImportNotes();
  for (const warning of front.value.warnings) notes.warn(warning);
  const { tree, source } = parseMarkdownTree(markdown, notes);
  const context = createImportContext(tree, source, notes);
  const split = splitSections(tree, source, notes);

  const intro = [...split.intro];
  let title = data.title;
  if (split.heading) {
    if (typeof title !== 'string' && typeof title !== 'number') title = split.heading.title;
    else if (String(title) !== split.heading.title) intro.unshift(split.heading.node);
  }
  const sections: Record<string, unknown>[] = [];
  const introBlocks = flowToBlocks(intro, context);
  if (introBlocks.length > 0) sections.push(introSection(introBlocks, context));
  for (const draft of split.sections) sections.push(draftSection(draft, context));

  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (IGNORED_KEYS.has(key)) notes.warn(`The front matter key "${key}" was ignored.`);
    else if (!META_KEYS.has(key)) extra[key] = value;
  }
  const edition = restoreEdition({
    title,
    subject: data.subject,
    preheader: data.preheader,
    status: data.status,
    number: data.number,
    publishDate: data.publishDate,
    extra,
    sections,
  });
  checkMeta(data, edition, notes);
  return { ok: true, edition, warnings: notes.warnings };
}

function introSection(blocks: Loose[], context: ImportContext): Record<string, unknown> {
  // A hand-written list in the intro is most likely its agenda: do not add a second one.
  const agenda = blocks.some((block) => block.type === 'list') ? 'manual' : 'auto';
  return { kind: 'intro', title: '', agenda, body: blocksToBody(blocks, null, context.notes) };
}

function draftSection(draft: SectionDraft, context: ImportContext): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of SECTION_KEYS) if (key in draft.fields) fields[key] = draft.fields[key];
  for (const key of ['url', 'voteUrl'] as const) {
    const url = fields[key];
    if (typeof url === 'string' && url !== '' && sanitizeLinkUrl(url) === null)
      context.notes.warn(
        `The ${key} of section "${draft.title}" was removed (links must be https, http, mailto or tel).`,
      );
  }
  const blocks = flowToBlocks(draft.nodes, context);
  const body = blocksToBody(blocks, draft.fields.direction, context.notes);
  return { ...fields, title: draft.title, body };
}

function checkMeta(data: Record<string, unknown>, edition: Edition, notes: ImportNotes): void {
  const given = (key: string) => data[key] !== undefined && data[key] !== null && data[key] !== '';
  if (given('status') && data.status !== edition.status)
    notes.warn(
      `The status "${String(data.status)}" is not one of draft, review, ready, sent; it is draft.`,
    );
  if (given('number') && edition.number === null)
    notes.warn('The number in the front matter is not a whole number; it was left empty.');
  if (given('publishDate') && edition.publishDate === null)
    notes.warn(
      'The publishDate in the front matter is not a date (YYYY-MM-DD); it was left empty.',
    );
}

function fail(code: MarkdownImportErrorCode, message: string): MarkdownImportResult {
  return { ok: false, error: { code, message } };
}
