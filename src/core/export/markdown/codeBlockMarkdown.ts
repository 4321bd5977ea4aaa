import type { Code } from 'mdast';
import type { SerializedBodyNode } from '../../model/types.ts';
import { codeBlockOf } from '../shared/codeBlock.ts';

/**
 * A code block as a fenced code block whose info string is the language (```ts), or the
 * info string the block keeps when that says more (```ts title="a.ts"). The
 * serializer picks a fence longer than any backtick run in the code, and a fence keeps
 * every character exactly (leading spaces, tabs, trailing blank lines), so import gives
 * back the same code.
 */
export function codeBlockToMdast(node: SerializedBodyNode): Code {
  const { language, info, code } = codeBlockOf(node);
  if (info === '')
    return { type: 'code', lang: language === '' ? null : language, meta: null, value: code };
  // The serializer writes `lang meta`, escaping what the info string needs escaped.
  const space = info.search(/[ \t]/);
  const lang = space === -1 ? info : info.slice(0, space);
  const meta = space === -1 ? null : info.slice(space).trim();
  return { type: 'code', lang, meta, value: code };
}
