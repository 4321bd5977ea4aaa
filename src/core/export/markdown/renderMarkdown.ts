import type { RootContent } from 'mdast';
import { stringify } from 'yaml';
import type { Edition, JsonValue, Section, SectionBody } from '../../model/types.ts';
import type { RenderCache } from '../RenderCache.ts';
import { bodyToMdast } from './bodyToMdast.ts';
import { sectionComment } from './galleyMarkers.ts';
import { serializeMdast, serializeMdastPart } from './serializeMdast.ts';

/*
 * Galley Markdown: CommonMark (plus GFM strikethrough and task list syntax) that a
 * Markdown renderer shows as the edition reads, and that `parseGalleyMarkdown` turns back
 * into the same edition (section and edition ids aside: an import is a new edition).
 *
 * ---                                  YAML front matter: title, subject, preheader,
 * title: The Build Log #42             number, publishDate, status, then every key of
 * ...                                  `extra`, so keys this version does not know survive
 * ---
 *
 * ## Section title                     each section starts with a level-2 heading
 *
 * <!-- galley: {"kind":"poll",...} --> only when the section is not a plain draft story
 *                                      (kind, kind fields, status, assignee, and the
 *                                      body's direction when set)
 * body                                 body headings keep their level (# to ######);
 *                                      a # or ## one follows a <!-- galley:block -->
 *
 * What plain Markdown cannot say travels in invisible `<!-- galley:... -->` comments
 * (see galleyMarkers.ts) and underline in `<ins>` (see serializeMdast.ts). Every text is
 * written through mdast and mdast-util-to-markdown, which escapes what would otherwise
 * become structure (`# `, `1. `, `> `, `[x](y)`, `<b>`, `&copy;`, `*`...).
 */

/** Options for renderMarkdown. */
export interface RenderMarkdownOptions {
  /** Section parts rendered earlier, reused while their section is unchanged. */
  cache?: RenderCache;
}

/**
 * Renders an edition as Galley Markdown: YAML front matter, then one `##` part per
 * section. Each section is serialized on its own (see serializeMdastPart), which is what
 * lets a cache keep them; the result is what serializing all blocks at once writes.
 */
export function renderMarkdown(edition: Edition, options: RenderMarkdownOptions = {}): string {
  const { cache } = options;
  const parts = edition.sections.map((section) =>
    cache
      ? cache.reuse('markdown', section.id, cache.sectionKey(section), () => sectionPart(section))
      : sectionPart(section),
  );
  const front = `---\n${frontMatter(edition)}---\n`;
  if (parts.length === 0) return front;
  const body = parts.join('\n\n');
  // toMarkdown ends a document with a newline unless it already ends with one.
  return `${front}\n${body}${/[\r\n]$/.test(body) ? '' : '\n'}`;
}

/** The blocks of one section: its `##` heading, its comment when needed, its body. */
export function sectionBlocks(section: Section): RootContent[] {
  const blocks: RootContent[] = [
    {
      type: 'heading',
      depth: 2,
      children: section.title === '' ? [] : [{ type: 'text', value: section.title }],
    },
  ];
  const meta = sectionMeta(section);
  if (meta) blocks.push({ type: 'html', value: sectionComment(meta) });
  blocks.push(...bodyToMdast(section.body));
  return blocks;
}

function sectionPart(section: Section): string {
  return serializeMdastPart(sectionBlocks(section));
}

/** Renders one section body as Markdown (no front matter, no section heading). */
export function bodyToMarkdown(body: SectionBody): string {
  return serializeMdast(bodyToMdast(body));
}

function frontMatter(edition: Edition): string {
  const data: Record<string, JsonValue> = {
    title: edition.title,
    subject: edition.subject,
    preheader: edition.preheader,
    number: edition.number,
    publishDate: edition.publishDate,
    status: edition.status,
    ...edition.extra,
  };
  // YAML 1.1 quoting: strings that an older parser would read as a date, a boolean or a
  // number (`2026-11-26`, `yes`, `0777`) get quotes, so Jekyll or Hugo read them as text too.
  // Every string double-quoted, and `<` escaped in it: a renderer that does not know front
  // matter shows it as text, and a title like `</style><script>` must stay text there too.
  const yaml = stringify(data, {
    version: '1.1',
    lineWidth: 0,
    defaultStringType: 'QUOTE_DOUBLE',
    // Keys stay plain unless one holds a `<`, which only a quoted key can escape.
    defaultKeyType: Object.keys(data).some((key) => key.includes('<')) ? 'QUOTE_DOUBLE' : 'PLAIN',
  });
  return yaml.replaceAll('<', '\\x3c');
}

/** The section comment's fields, or null for a draft, unassigned story (the default). */
function sectionMeta(section: Section): Record<string, unknown> | null {
  const { id: _id, title: _title, body, status, assignee, ...kindFields } = section;
  const direction = body.root.direction;
  const isDefault =
    section.kind === 'story' &&
    status === 'draft' &&
    assignee === '' &&
    (direction === null || direction === undefined);
  if (isDefault) return null;
  const meta: Record<string, unknown> = { ...kindFields, status, assignee };
  if (direction === 'ltr' || direction === 'rtl') meta.direction = direction;
  return meta;
}
