import type { Blockquote, RootContent } from 'mdast';
import type { SerializedBodyNode } from '../../model/types.ts';
import { childrenOf } from '../shared/bodyNodes.ts';
import { marker } from './galleyMarkers.ts';

type Node = SerializedBodyNode;
type BlockToMdast = (node: Node) => RootContent[];
type FlowContent = Blockquote['children'][number];

/**
 * A quote container as a Markdown blockquote of its blocks (`> ` before every line, a `>`
 * line between blocks, a nested quote as `> > `). One paragraph alone would read back as a
 * quote of one run of text, so that shape gets `<!-- galley:quote-block -->` before it.
 */
export function quoteBlockToMdast(node: Node, blockToMdast: BlockToMdast): RootContent[] {
  const blocks = childrenOf(node);
  const children = blocks.flatMap(blockToMdast).filter(isFlow);
  const quote: Blockquote = { type: 'blockquote', children };
  const alone = blocks.length === 1 && blocks[0]!.type === 'paragraph';
  return alone ? [{ type: 'html', value: marker('quote-block') }, quote] : [quote];
}

// What a blockquote may hold; the block exporter writes nothing else for a body block.
function isFlow(node: RootContent): node is FlowContent {
  switch (node.type) {
    case 'blockquote':
    case 'code':
    case 'heading':
    case 'html':
    case 'list':
    case 'paragraph':
    case 'table':
    case 'thematicBreak':
    case 'definition':
      return true;
    default:
      return false;
  }
}
