import { normalizeCodeInfo, normalizeCodeLanguage } from './codeLanguage.ts';
import type { SerializedBodyNode } from './types.ts';

/**
 * The parts of a code block restoreBody rebuilds: its language (a safe identifier or ''),
 * its info string when that says more (see normalizeCodeInfo; only then in the JSON)
 * and its children in the one shape Lexical keeps them: unformatted text runs, a tab node
 * per tab and a line break node per newline. Whatever the input held inside the block
 * (formatted runs, links, @lexical/code's highlight nodes, stray blocks) counts by its text.
 */
export function restoreCodeBlock(node: Record<string, unknown>): {
  language: string;
  info?: string;
  children: SerializedBodyNode[];
} {
  const language = normalizeCodeLanguage(node.language);
  const info = normalizeCodeInfo(node.info, language);
  return {
    language,
    ...(info === '' ? {} : { info }),
    children: codeToChildren(looseCode(node.children)),
  };
}

/** Canonical code block children for `code` (lines joined by `\n`). */
export function codeToChildren(code: string): SerializedBodyNode[] {
  const out: SerializedBodyNode[] = [];
  code.split('\n').forEach((line, index) => {
    if (index > 0) out.push({ type: 'linebreak', version: 1 });
    line.split('\t').forEach((run, i) => {
      if (i > 0) out.push({ type: 'tab', version: 1 });
      if (run !== '')
        out.push({
          type: 'text',
          version: 1,
          text: run,
          format: 0,
          detail: 0,
          mode: 'normal',
          style: '',
        });
    });
  });
  return out;
}

function looseCode(children: unknown): string {
  if (!Array.isArray(children)) return '';
  let code = '';
  for (const child of children) {
    if (typeof child !== 'object' || child === null) continue;
    const c = child as Record<string, unknown>;
    if (c.type === 'linebreak') code += '\n';
    else if (c.type === 'tab') code += '\t';
    else if (typeof c.text === 'string') code += c.text;
    else code += looseCode(c.children);
  }
  // Control characters other than tab and newline never belong in code.
  // eslint-disable-next-line no-control-regex
  return code.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}
