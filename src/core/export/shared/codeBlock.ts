import type { SerializedBodyNode } from '../../model/types.ts';
import { normalizeCodeInfo, normalizeCodeLanguage } from '../../model/codeLanguage.ts';
import { childrenOf, textOf } from './bodyNodes.ts';

/** A code block's language ('' for none) and its code, lines joined by `\n`. */
export interface CodeBlockFields {
  language: string;
  /** The Markdown info string when it says more than the language, else ''. */
  info: string;
  code: string;
}

/** A code block node's fields, read from its canonical children (text, tab, linebreak). */
export function codeBlockOf(node: SerializedBodyNode): CodeBlockFields {
  let code = '';
  for (const child of childrenOf(node)) {
    if (child.type === 'linebreak') code += '\n';
    else if (child.type === 'tab') code += '\t';
    else code += textOf(child);
  }
  const language = normalizeCodeLanguage(node.language);
  return { language, info: normalizeCodeInfo(node.info, language), code };
}

/** The email's code font size and the code cell's horizontal padding, in CSS px. */
export const CODE_FONT_PX = 13;
export const CODE_PAD_X = 14;

/**
 * How many characters of code fit on one line of the email on a 375 px phone without
 * scrolling: the column is 375 px less the card's 20 px mobile padding each side (335 px),
 * less the code cell's padding (307 px); a monospace character of the system stack (SF Mono,
 * Menlo, Roboto Mono) is 0.6 em wide, 7.8 px at 13 px. 307 / 7.8 = 39 characters.
 */
export const MOBILE_CODE_COLUMNS = Math.floor(
  (375 - 2 * 20 - 2 * CODE_PAD_X) / (0.6 * CODE_FONT_PX),
);

/** A line's width in columns as the email shows it: tab stops every 4, wide characters 2. */
export function codeLineColumns(line: string): number {
  let col = 0;
  for (const ch of line) {
    if (ch === '\t') col += 4 - (col % 4);
    else col += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  }
  return col;
}

// East Asian wide and full-width characters and emoji take two monospace cells.
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}
