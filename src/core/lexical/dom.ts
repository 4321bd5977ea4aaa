import { $getDocument, type DecoratorNode } from 'lexical';

type ContainerElement = ReturnType<DecoratorNode<unknown>['createDOM']>;

/**
 * The editor's document, typed only as far as decorator nodes need it: core compiles
 * without the DOM library, and `createDOM` is only ever called where a DOM exists.
 */
export function domOf(): { createElement(tag: 'div' | 'span'): ContainerElement } {
  return $getDocument() as unknown as { createElement(tag: 'div' | 'span'): ContainerElement };
}
