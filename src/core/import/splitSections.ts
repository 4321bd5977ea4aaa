import type { Heading, Root, RootContent } from 'mdast';
import { parseMarkers, parseSectionComment } from '../export/markdown/galleyMarkers.ts';
import type { ImportNotes } from './importNotes.ts';
import { plainText } from './plainText.ts';

/** One section as found in the Markdown, before its body is converted. */
export interface SectionDraft {
  title: string;
  /** The fields of its `<!-- galley: {...} -->` comment; empty for a plain `##`. */
  fields: Record<string, unknown>;
  nodes: RootContent[];
}

/** A Markdown document cut at its `##` headings. */
export interface SplitDocument {
  /** The text of a `#` heading that opens the document, if any. */
  heading: { title: string; node: Heading } | null;
  /** Blocks before the first `##` (after that `#` heading). */
  intro: RootContent[];
  sections: SectionDraft[];
}

/**
 * Cuts a document into sections: each `##` heading starts one and gives its title; a
 * galley comment right after the heading gives its kind and fields; a `##` right after a
 * block marker is a body heading, not a section. A `#` heading that
 * opens the document is set apart as a candidate edition title.
 */
export function splitSections(tree: Root, source: string, notes: ImportNotes): SplitDocument {
  const children = tree.children;
  let index = 0;
  let heading: SplitDocument['heading'] = null;
  const first = children[0];
  if (first?.type === 'heading' && first.depth === 1) {
    heading = { title: titleOf(first, source), node: first };
    index = 1;
  }
  const intro: RootContent[] = [];
  const sections: SectionDraft[] = [];
  let current: SectionDraft | null = null;
  for (; index < children.length; index++) {
    const node = children[index]!;
    if (node.type === 'heading' && node.depth === 2 && !isBodyHeading(children[index - 1])) {
      current = { title: titleOf(node, source), fields: {}, nodes: [] };
      sections.push(current);
      const next = children[index + 1];
      const fields = next?.type === 'html' ? parseSectionComment(next.value) : null;
      if (fields === 'invalid') {
        notes.warn(
          `The galley comment of section "${current.title}" is not valid JSON; it was read as a story.`,
        );
        index += 1;
      } else if (fields) {
        current.fields = fields;
        index += 1;
      }
      continue;
    }
    (current ? current.nodes : intro).push(node);
  }
  return { heading, intro, sections };
}

// The exporter writes a block marker before a body heading of level 1 or 2 (see
// galleyMarkers.ts): that `##` stays in the section it is in.
function isBodyHeading(previous: RootContent | undefined): boolean {
  if (previous?.type !== 'html') return false;
  const markers = parseMarkers(previous.value);
  return markers?.length === 1 && markers[0]!.name === 'block';
}

// A setext heading's lines are one title; in an ATX heading a newline can only come from
// a character reference, so it is kept.
function titleOf(node: Heading, source: string): string {
  const text = plainText(node.children);
  const offset = node.position?.start.offset;
  const atx = offset !== undefined && source[offset] === '#';
  return atx ? text : text.replace(/[ \t]*(?:\r?\n|\r)[ \t]*/g, ' ');
}
