import { $getDocument, type DecoratorNode } from 'lexical';

type ContainerElement = ReturnType<DecoratorNode<unknown>['createDOM']>;

/** The tags core's nodes draw themselves with. */
export type CoreTag = 'div' | 'span' | 'aside' | 'blockquote' | 'ol' | 'ul' | 'li';

/**
 * The editor's document, typed only as far as core's nodes need it: core compiles without
 * the DOM library, and `createDOM` is only ever called where a DOM exists.
 */
export function domOf(): { createElement(tag: CoreTag): ContainerElement & { className: string } } {
  return $getDocument() as unknown as {
    createElement(tag: CoreTag): ContainerElement & { className: string };
  };
}
