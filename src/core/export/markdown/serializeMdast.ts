import type { ListItem, Parent, Parents, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import {
  defaultHandlers,
  toMarkdown,
  type Handle,
  type Info,
  type Options,
  type State,
} from 'mdast-util-to-markdown';
import { htmlToMarkdown } from './inlineHtmlMarkdown.ts';

/**
 * Underlined phrasing. Markdown has no underline, so it is written as `<ins>…</ins>`:
 * browsers and CommonMark renderers (GitHub's sanitizer included) show `<ins>` underlined,
 * and the importer reads back exactly the bare tags `<ins>` and `</ins>` (no attributes)
 * as the underline format. User text cannot produce the tags: `<` before a letter is
 * always escaped.
 */
export interface Underline extends Parent {
  type: 'underline';
  children: PhrasingContent[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    underline: Underline;
  }
  interface RootContentMap {
    underline: Underline;
  }
}

function underline(
  node: Underline,
  _parent: Parents | undefined,
  state: State,
  info: Info,
): string {
  const tracker = state.createTracker(info);
  let value = tracker.move('<ins>');
  value += tracker.move(
    state.containerPhrasing(node, { ...tracker.current(), before: '>', after: '<' }),
  );
  value += tracker.move('</ins>');
  return value;
}
underline.peek = (): string => '<';

/**
 * A GFM task list item: `- [ ] text` / `- [x] text` when `checked` is a boolean (the
 * item always has a paragraph then, possibly empty). Without `mdast-util-gfm-task-list-item`
 * installed, this is its serializer in a few lines; the importer recognises the syntax.
 */
function listItem(node: ListItem, parent: Parents | undefined, state: State, info: Info): string {
  const head = node.children[0];
  const checkable = typeof node.checked === 'boolean' && head?.type === 'paragraph';
  const checkbox = node.checked ? '[x] ' : '[ ] ';
  const tracker = state.createTracker(info);
  if (checkable) tracker.move(checkbox);
  const value = defaultHandlers.listItem(node, parent, state, { ...info, ...tracker.current() });
  if (!checkable) return value;
  // The bullet, then one space, then the box: exactly what a GFM parser looks for.
  return value.replace(/^(?:[*+-]|\d+[.)])(?:[ \t]+|(?=[\r\n]|$))/, (bullet) =>
    bullet.endsWith(' ') ? bullet + checkbox : `${bullet} ${checkbox}`,
  );
}

/**
 * Text, with every underscore escaped. mdast-util-to-markdown leaves intraword `_` bare
 * (`a_b`), but when a letter next to a `~~` run is then written as a character reference
 * (`&#x200B;`), the bare `__` beside it can open emphasis and the text changes. Escaping
 * them all costs a backslash in `under\_score` and closes that hole. A no-break space is
 * written `&nbsp;`: renderers disagree on whether one that starts a line is trimmed.
 */
function text(node: Text, parent: Parents | undefined, state: State, info: Info): string {
  const value = defaultHandlers.text(node, parent, state, info);
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char === '\\' && i + 1 < value.length) {
      out += char + value[i + 1]!;
      i += 1;
    } else {
      out += char === '_' ? '\\_' : char === '\u00a0' ? '&nbsp;' : char;
    }
  }
  return out;
}

/*
 * Text's `peek`. When a phrasing child follows another, mdast-util-to-markdown asks the
 * next child's handler for its first character, using `peek` when the handler has one.
 * Text has none, so every text after a link or emphasis was escaped twice: once in full
 * just to learn its first character, once for real. That was about a quarter of the
 * characters `safe` scanned (and `safe` is most of the cost of an export).
 *
 * The first character of escaped text depends only on the first few characters: an unsafe
 * pattern marks the position of its own character, its `before` can only reach backwards
 * and its `after` is one character or the end, and the escape-skipping rule looks one
 * position ahead. A 16-character prefix therefore escapes its first character exactly as
 * the whole text does; serializeMdast.test.ts checks this against full lookahead.
 */
const PEEK_CHARS = 16;
text.peek = (node: Text, parent: Parents | undefined, state: State, info: Info): string =>
  text({ ...node, value: node.value.slice(0, PEEK_CHARS) }, parent, state, info);

/** Galley's serializer options (exported for the test that checks text's `peek`). */
export const OPTIONS: Options = {
  bullet: '-',
  bulletOther: '*',
  bulletOrdered: '.',
  emphasis: '*',
  strong: '*',
  rule: '-',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  incrementListMarker: true,
  resourceLink: true,
  extensions: [gfmStrikethroughToMarkdown(), gfmTableToMarkdown()],
  handlers: {
    underline: underline as Handle,
    listItem: listItem as Handle,
    text: text as Handle,
    html: htmlToMarkdown as Handle,
  },
};

/** Serializes an mdast tree (with Galley's `underline` node) to CommonMark + GFM text. */
export function serializeMdast(nodes: RootContent[], options: Options = OPTIONS): string {
  const root: Root = { type: 'root', children: nodes };
  return toMarkdown(root, options);
}

// Closes every part: its output is known, so what comes before it is exactly the part.
const PART_END: RootContent = { type: 'html', value: '\u0000galley-part-end\u0000' };
const PART_TAIL = `\n\n${PART_END.value}\n`;

/**
 * Serializes top-level blocks as one part of a longer document: exactly the text
 * serializeMdast writes for these blocks in the middle of the whole list, without the
 * final newline toMarkdown adds at the very end. Parts joined with a blank line are then
 * the whole document, when each part starts with a heading (nothing the serializer does
 * at one block depends on blocks before a heading, and a heading joins with a blank line).
 */
export function serializeMdastPart(nodes: RootContent[]): string {
  if (nodes.length === 0) return '';
  const out = serializeMdast([...nodes, PART_END]);
  if (!out.endsWith(PART_TAIL)) throw new Error('serializeMdastPart: the end marker moved');
  return out.slice(0, -PART_TAIL.length);
}
