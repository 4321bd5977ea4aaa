import type { LexicalEditor, LexicalNode } from 'lexical';

/**
 * The views of decorator nodes (image, button). The nodes are model only and core has
 * no React, so the renderer registers a view per node type at start; headless editors
 * (export, the backend) register none and their decorators render nothing.
 */
export type DecoratorView = (node: LexicalNode, editor: LexicalEditor) => unknown;

const views = new Map<string, DecoratorView>();

/** Registers the view of a decorator node type (renderer start-up). */
export function registerDecoratorView(
  type: 'image' | 'button' | 'embed' | 'htmlcard' | 'inlinehtml',
  view: DecoratorView,
): void {
  views.set(type, view);
}

/** The registered view of a node, or null when none is registered. */
export function decoratorView(type: string, node: LexicalNode, editor: LexicalEditor): unknown {
  return views.get(type)?.(node, editor) ?? null;
}
