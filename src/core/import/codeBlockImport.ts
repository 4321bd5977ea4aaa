import type { Code } from 'mdast';
import { normalizeCodeInfo, normalizeCodeLanguage } from '../model/codeLanguage.ts';
import { codeToChildren } from '../model/restoreCodeBlock.ts';
import type { ImportContext } from './importContext.ts';
import type { Loose } from './looseNodes.ts';

/**
 * A Markdown code block (fenced or indented) as a code block node: the info string's first
 * word is the language when it is a plain identifier (an indented block has none), the
 * whole info string is kept beside it when it says more (`ts title="a.ts"`, `;`), the code
 * is kept exactly. Only an info string too long to keep is an approximation.
 */
export function codeBlockFromMdast(node: Code, context: ImportContext): Loose {
  const lang = node.lang ?? '';
  const language = normalizeCodeLanguage(lang);
  const written = node.meta ? `${lang} ${node.meta}` : lang;
  const info = normalizeCodeInfo(written, language);
  if (info !== written && language !== written.trim()) context.notes.approximate();
  return {
    type: 'code-block',
    language,
    ...(info === '' ? {} : { info }),
    children: codeToChildren(node.value.replace(/\r\n?/g, '\n')),
  };
}
