import type { SectionBody, SerializedBodyNode } from '../../model/types.ts';
import { childrenOf } from './bodyNodes.ts';

/** Child indexes from the body root to a node: `[]` is the root, `[2, 0]` its third block's first child. */
export type NodePath = number[];

/**
 * Visits every node of a body depth-first in reading order with its path from the root.
 * Returning `false` from `visit` skips that node's children.
 */
export function walkBody(
  body: SectionBody,
  visit: (node: SerializedBodyNode, path: NodePath) => boolean | void,
): void {
  const walk = (node: SerializedBodyNode, path: NodePath): void => {
    if (visit(node, path) === false) return;
    childrenOf(node).forEach((child, index) => walk(child, [...path, index]));
  };
  walk(body.root, []);
}

/** The concatenated text of a node's descendants (text runs only; line breaks as spaces). */
export function inlineText(node: SerializedBodyNode): string {
  let out = '';
  const walk = (n: SerializedBodyNode): void => {
    if (n.type === 'text' && typeof n.text === 'string') out += n.text;
    else if (n.type === 'linebreak' || n.type === 'tab') out += ' ';
    for (const child of childrenOf(n)) walk(child);
  };
  walk(node);
  return out;
}
