import { restoreBody } from '../model/restoreBody.ts';
import type { SectionBody } from '../model/types.ts';
import { flowToBlocks } from './flowToBlocks.ts';
import { createImportContext } from './importContext.ts';
import { ImportNotes } from './importNotes.ts';
import type { Loose } from './looseNodes.ts';
import { parseMarkdownTree } from './parseMarkdownTree.ts';

/** A section body read from Markdown, with what had to change on the way. */
export interface ImportedBody {
  body: SectionBody;
  warnings: string[];
  /** True when the body says exactly what the Markdown said (nothing approximated). */
  exact: boolean;
}

/**
 * Reads Markdown as one section body (no front matter, no sections): the path every
 * section of an imported file takes, exposed for previews and for the CommonMark tests.
 */
export function markdownToBody(markdown: string): ImportedBody {
  const notes = new ImportNotes();
  const { tree, source } = parseMarkdownTree(markdown, notes);
  const context = createImportContext(tree, source, notes);
  const blocks = flowToBlocks(tree.children, context);
  return { body: blocksToBody(blocks, null, notes), warnings: notes.warnings, exact: notes.exact };
}

/**
 * Repairs converted blocks into a canonical body. Lexical merges a list into a list of the
 * same type right before it, which Markdown keeps apart: that counts as an approximation.
 */
export function blocksToBody(blocks: Loose[], direction: unknown, notes: ImportNotes): SectionBody {
  for (let i = 1; i < blocks.length; i++) {
    const a = blocks[i - 1]!;
    const b = blocks[i]!;
    if (a.type === 'list' && b.type === 'list' && a.listType === b.listType) notes.approximate();
  }
  return restoreBody({ root: { direction, children: blocks } });
}
