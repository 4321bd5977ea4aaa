/**
 * Builders for the loose Lexical JSON the importer produces. `restoreBody` turns it into
 * the exact canonical shape (versions, directions, merged runs, list values), so these only
 * say what the node is.
 */
export type Loose = Record<string, unknown>;

/** A text run with its format bits. */
export function textNode(text: string, format: number): Loose {
  return { type: 'text', text, format };
}

/** A line break. */
export function lineBreak(): Loose {
  return { type: 'linebreak' };
}

/** A paragraph with its inline children and block attributes. */
export function paragraphNode(children: Loose[], attrs: Loose = {}): Loose {
  return { ...attrs, type: 'paragraph', children };
}

/** The type of a loose node, or '' when it has none. */
export function typeOf(node: Loose | undefined): string {
  return typeof node?.type === 'string' ? node.type : '';
}

/** The children of a loose node that are nodes themselves. */
export function childrenOf(node: Loose): Loose[] {
  return Array.isArray(node.children) ? node.children.filter(isLoose) : [];
}

function isLoose(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
