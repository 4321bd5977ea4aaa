import type { CodeBlockFields } from '../shared/codeBlock.ts';
import { utf8ByteLength } from '../shared/text.ts';

/** How far plain text indents code: Markdown's indented code block, which text readers know. */
export const CODE_INDENT = '    ';

/**
 * A code block as plain-text lines: each line of code indented by four spaces and never
 * re-wrapped (a wrapped line of code is a different program). The one exception is a line
 * past the mail line limit (RFC 5322: 998 bytes, rule 15 of EMAIL_RULES), minified code say,
 * which relays would break anyway: it is cut at MAX_LINE_BYTES on a character boundary.
 * Blank lines inside stay blank; blank lines at the end are dropped, since blocks are already
 * separated by one. An empty block gives no lines.
 */
export function codeBlockText({ code }: CodeBlockFields): string[] {
  const lines = code
    .split('\n')
    .flatMap((line) => (line.trim() === '' ? [''] : cut(line).map((part) => CODE_INDENT + part)));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The longest piece of a code line the plain text keeps on one line, indent included. */
export const MAX_LINE_BYTES = 900;

function cut(line: string): string[] {
  if (utf8ByteLength(line) <= MAX_LINE_BYTES - CODE_INDENT.length) return [line];
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = utf8ByteLength(ch);
    if (bytes + size > MAX_LINE_BYTES - CODE_INDENT.length) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out;
}
