import type { SerializedBodyNode } from '../../src/core/index.ts';

/** A Lexical element node in its canonical serialized shape. */
export const el = (
  type: string,
  children: SerializedBodyNode[],
  extra = {},
): SerializedBodyNode => ({
  type,
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  children,
  ...extra,
});

/** A text node; `format` is Lexical's bitmask (bold 1, italic 2, strike 4, underline 8, code 16). */
export const text = (value: string, format = 0): SerializedBodyNode => ({
  type: 'text',
  version: 1,
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
});

/** A paragraph of inline nodes. */
export const para = (...children: SerializedBodyNode[]): SerializedBodyNode =>
  el('paragraph', children, { textFormat: 0, textStyle: '' });
