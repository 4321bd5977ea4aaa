import type { Nodes, Root } from 'mdast';
import type { ImportNotes } from './importNotes.ts';

/** A link reference definition: `[label]: url "title"`. */
export interface Definition {
  url: string;
  title: string | null;
}

/** What the converters share while turning one Markdown tree into a body. */
export interface ImportContext {
  notes: ImportNotes;
  /** Link reference definitions by normalized label; the first one of a label wins. */
  definitions: Map<string, Definition>;
  /** The text the tree's positions point into (to tell `[ ]` from `\[ ]`). */
  source: string;
}

/** Builds the context for a tree: collects its link reference definitions. */
export function createImportContext(tree: Root, source: string, notes: ImportNotes): ImportContext {
  const definitions = new Map<string, Definition>();
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition') {
      if (!definitions.has(node.identifier))
        definitions.set(node.identifier, { url: node.url, title: node.title ?? null });
    } else if ('children' in node) {
      // Reversed, so the first definition in the document is met first.
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return { notes, definitions, source };
}
