/**
 * The fields of a block list (a list whose items hold blocks), shared by its Lexical
 * node, restoreBody and the exporters: a list type, a first number, tight or loose.
 */

export type BlockListType = 'bullet' | 'number';

export interface BlockListFields {
  listType: BlockListType;
  start: number;
  loose: boolean;
}

/** Block lists nested deeper than this give their items' blocks to the item above. */
export const MAX_BLOCK_LIST_DEPTH = 8;

/**
 * The blocks an item may hold; anything else restoreBody leaves out of the item (a
 * callout gives up its blocks).
 */
export const BLOCK_LIST_CHILD_TYPES: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'quote',
  'list',
  'blocklist',
  'code-block',
  'image',
  'horizontalrule',
  'htmlcard',
]);

/** A block list's fields from loose input: bullet, 1 and tight when unreadable. */
export function blockListFields(node: { readonly [key: string]: unknown }): BlockListFields {
  const start =
    typeof node.start === 'number' && Number.isInteger(node.start) && node.start >= 0
      ? Math.min(node.start, 999_999_999)
      : 1;
  return {
    listType: node.listType === 'number' ? 'number' : 'bullet',
    start,
    loose: node.loose === true,
  };
}
