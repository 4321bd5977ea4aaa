import type { Nodes, Root } from 'mdast';
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import {
  MAX_INLINE_DELIMITERS,
  capContainers,
  countDelimiters,
  escapeRanges,
  mayHaveHeavyInline,
} from './guardMarkdown.ts';
import type { ImportNotes } from './importNotes.ts';

const FULL: Options = {
  extensions: [gfmStrikethrough(), gfmTable()],
  mdastExtensions: [gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown()],
};

// Block structure only: every inline construct off, so inline content is one plain text.
// CommonMark finds blocks before inlines, so the blocks are the same as in a full parse.
const BLOCKS_ONLY: Options = {
  extensions: [
    gfmTable(),
    {
      disable: {
        null: [
          'attention',
          'autolink',
          'characterEscape',
          'characterReference',
          'codeText',
          'hardBreakEscape',
          'htmlText',
          'labelEnd',
          'labelStartImage',
          'labelStartLink',
        ],
      },
    },
  ],
  mdastExtensions: [gfmTableFromMarkdown()],
};

/** A parsed Markdown tree and the exact text its positions point into. */
export interface MarkdownTree {
  tree: Root;
  source: string;
}

/**
 * Parses Markdown (CommonMark, GFM strikethrough and tables) into mdast, after the guards
 * in guardMarkdown.ts have turned pathological nesting and delimiter runs into text.
 */
export function parseMarkdownTree(markdown: string, notes: ImportNotes): MarkdownTree {
  let source = capContainers(markdown);
  if (source !== markdown) notes.warn(TOO_DEEP);
  if (mayHaveHeavyInline(source)) {
    const ranges = heavyInlineRanges(source);
    if (ranges.length > 0) {
      source = escapeRanges(source, ranges);
      notes.warn(TOO_COMPLEX);
    }
  }
  return { tree: fromMarkdown(source, FULL), source };
}

const TOO_DEEP =
  'Some lines were nested or indented too deeply to import as written; the excess was kept as plain text.';
const TOO_COMPLEX =
  'A paragraph had too many Markdown delimiters to parse safely; it was kept as plain text.';

function heavyInlineRanges(
  source: string,
): Array<{ start: number; end: number; keepPipes: boolean }> {
  const ranges: Array<{ start: number; end: number; keepPipes: boolean }> = [];
  const stack: Nodes[] = [fromMarkdown(source, BLOCKS_ONLY)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const inline = node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableRow';
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (inline && start !== undefined && end !== undefined) {
      if (countDelimiters(source, start, end) > MAX_INLINE_DELIMITERS)
        ranges.push({ start, end, keepPipes: node.type === 'tableRow' });
      continue;
    }
    // One push per child: a spread of a huge child list would overflow the call stack.
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return ranges;
}
