import type { SerializedBodyNode } from './types.ts';

/**
 * restoreBody's case for the quote container (`quoteblock`): loose input in, the exact
 * shape Lexical exports out, never a throw.
 */

type Node = SerializedBodyNode;
type Loose = Record<string, unknown>;

/** The block types a quote container may hold; anything else is unwrapped or left out. */
export const QUOTE_BLOCK_CHILD_TYPES = new Set([
  'paragraph',
  'heading',
  'list',
  'code-block',
  'quote',
  'quoteblock',
  // A list whose items hold blocks; its items never hold a quote container, so nesting
  // stays bounded by the two depths (MAX_QUOTE_DEPTH, MAX_BLOCK_LIST_DEPTH).
  'blocklist',
  'horizontalrule',
  'image',
  'button',
  'table',
  'callout',
  'embed',
  'htmlcard',
]);

/**
 * How deep quote containers nest (a quote in a quote in a quote...). Deeper containers give
 * up their blocks to the one around them: readers and mail clients lose track past this.
 */
export const MAX_QUOTE_DEPTH = 4;

/**
 * A quote container: its children restored as body blocks and kept to
 * QUOTE_BLOCK_CHILD_TYPES (another block, a roundup item, keeps its words as a paragraph,
 * or is left out when it has none), nesting bounded by MAX_QUOTE_DEPTH.
 * Null when nothing is left: an empty quote is removed.
 */
export function restoreQuoteBlock(
  node: Loose,
  restoreBlocks: (children: unknown[]) => Node[],
): Node | null {
  const restored = restoreBlocks(Array.isArray(node.children) ? node.children : []);
  let children = bounded(restored.flatMap(keep), 1);
  // Unwrapping can leave two lists of one type side by side; Lexical would merge them.
  if (children.some((b, i) => i > 0 && b.type === 'list' && children[i - 1]!.type === 'list'))
    children = restoreBlocks(children);
  if (children.length === 0) return null;
  return {
    type: 'quoteblock',
    version: 1,
    direction: node.direction === 'ltr' || node.direction === 'rtl' ? node.direction : null,
    format: '',
    indent: 0,
    children,
  };
}

function keep(block: Node): Node[] {
  if (QUOTE_BLOCK_CHILD_TYPES.has(block.type)) return [block];
  const words = textRuns(block);
  if (words.length === 0) return [];
  return [
    {
      type: 'paragraph',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: words,
      textFormat: typeof words[0]?.format === 'number' ? words[0].format : 0,
      textStyle: '',
    },
  ];
}

// The restored text runs of a block, in order, merged as Lexical merges plain runs.
function textRuns(node: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    if (n.type === 'text') {
      const last = out[out.length - 1];
      if (last && last.format === n.format && last.detail === 0 && n.detail === 0)
        out[out.length - 1] = { ...last, text: `${String(last.text)}${String(n.text)}` };
      else out.push(n);
    }
    (n.children ?? []).forEach(walk);
  };
  walk(node);
  return out;
}

// Containers nested deeper than MAX_QUOTE_DEPTH are replaced by their blocks.
function bounded(blocks: Node[], depth: number): Node[] {
  return blocks.flatMap((block) => {
    if (block.type !== 'quoteblock') return [block];
    const inner = block.children ?? [];
    if (depth >= MAX_QUOTE_DEPTH) return bounded(inner, depth);
    return [{ ...block, children: bounded(inner, depth + 1) }];
  });
}
