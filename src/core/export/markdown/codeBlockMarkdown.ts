import type { Code } from 'mdast';
import type { SerializedBodyNode } from '../../model/types.ts';
import { codeBlockOf } from '../shared/codeBlock.ts';

/**
 * A code block as a fenced code block whose info string is the language (```ts). The
 * serializer picks a fence longer than any backtick run in the code, and a fence keeps
 * every character exactly (leading spaces, tabs, trailing blank lines), so import gives
 * back the same code.
 */
export function codeBlockToMdast(node: SerializedBodyNode): Code {
  const { language, code } = codeBlockOf(node);
  return { type: 'code', lang: language === '' ? null : language, meta: null, value: code };
}
