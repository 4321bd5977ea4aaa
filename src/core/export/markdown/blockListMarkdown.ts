import type { List, ListItem, RootContent } from 'mdast';
import { blockListFields } from '../../model/blockList.ts';
import type { SerializedBodyNode } from '../../model/types.ts';

type Node = SerializedBodyNode;
type BlockToMdast = (node: Node) => RootContent[];

/**
 * A list whose items hold blocks, as a Markdown list: each item's blocks indented under
 * its marker (the serializer indents by the marker's width), numbered from the list's
 * start. Tight items join their blocks without blank lines; a loose list puts one between
 * items and between an item's blocks. Two paragraphs in a row can only be written with a
 * blank line between them, which CommonMark reads as loose, so such a list is written
 * loose (and reads back loose).
 */
export function blockListToMdast(node: Node, blockToMdast: BlockToMdast): List {
  const { listType, start, loose: ownLoose } = blockListFields(node);
  const items = (node.children ?? []).map((item) => itemBlocks(item, blockToMdast));
  const loose = ownLoose || items.some(needsBlankLine);
  const ordered = listType === 'number';
  return {
    type: 'list',
    ordered,
    start: ordered ? start : null,
    spread: loose,
    children: items.map((children): ListItem => ({
      type: 'listItem',
      spread: loose,
      checked: null,
      children,
    })),
  };
}

// An item holding one bare empty paragraph is an empty item (`-` alone); it reads back so.
function itemBlocks(item: Node, blockToMdast: BlockToMdast): ListItem['children'] {
  const children = item.children ?? [];
  const only = children.length === 1 ? children[0]! : null;
  if (only?.type === 'paragraph' && (only.children ?? []).length === 0 && isPlain(only)) return [];
  return children.flatMap(blockToMdast) as ListItem['children'];
}

function isPlain(node: Node): boolean {
  return (
    (node.format ?? '') === '' &&
    (node.indent ?? 0) === 0 &&
    node.direction !== 'ltr' &&
    node.direction !== 'rtl' &&
    (node.textFormat ?? 0) === 0
  );
}

/**
 * Whether two blocks of the item cannot touch: paragraph after paragraph (the second would
 * join the first), or anything after an HTML marker line that a paragraph would continue.
 */
function needsBlankLine(children: ListItem['children']): boolean {
  return children.some((child, i) => {
    const next = children[i + 1];
    if (!next) return false;
    if (child.type === 'paragraph' && next.type === 'paragraph') return true;
    // A list right under a paragraph that micromark would read as paragraph text.
    if (child.type === 'paragraph' && next.type === 'list') return opensOddly(next);
    return false;
  });
}

// A nested list that cannot interrupt a paragraph: numbered from other than 1, or empty-first.
function opensOddly(list: List): boolean {
  const first = list.children[0];
  return (list.ordered === true && list.start !== 1) || !first || first.children.length === 0;
}
