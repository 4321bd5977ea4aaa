import type { CodeBlockFields } from '../shared/codeBlock.ts';

/** How far plain text indents code: Markdown's indented code block, which text readers know. */
export const CODE_INDENT = '    ';

/**
 * A code block as plain-text lines: each line of code indented by four spaces and never
 * re-wrapped (a wrapped line of code is a different program). Blank lines inside stay blank;
 * blank lines at the end are dropped, since blocks are already separated by one. An empty
 * block gives no lines.
 */
export function codeBlockText({ code }: CodeBlockFields): string[] {
  const lines = code.split('\n').map((line) => (line.trim() === '' ? '' : CODE_INDENT + line));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
