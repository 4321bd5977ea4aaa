import type { Code } from 'mdast';
import { normalizeCodeLanguage } from '../model/codeLanguage.ts';
import { codeToChildren } from '../model/restoreCodeBlock.ts';
import type { ImportContext } from './importContext.ts';
import type { Loose } from './looseNodes.ts';

/**
 * A Markdown code block (fenced or indented) as a code block node: the info string's first
 * word is the language (an indented block has none), the code is kept exactly. The rest of
 * an info string (`ts title="a.ts"`) and a language that is not a plain identifier have no
 * place in the model: the import says it approximated.
 */
export function codeBlockFromMdast(node: Code, context: ImportContext): Loose {
  const lang = node.lang ?? '';
  const language = normalizeCodeLanguage(lang);
  if ((node.meta ?? '') !== '' || language !== lang.trim()) context.notes.approximate();
  return {
    type: 'code-block',
    language,
    children: codeToChildren(node.value.replace(/\r\n?/g, '\n')),
  };
}
