import type { Severity } from './types.ts';

/** A problem found in a piece of text. */
export interface TextProblem {
  severity: Severity;
  code: string;
  message: string;
}

// "TK" (to come) is an editor's mark and always upper case; TODO comes in any case.
const TK = /(?<![\p{L}\p{N}])TK(?![\p{L}\p{N}])/u;
const TODO = /(?<![\p{L}\p{N}])todo(?![\p{L}\p{N}])/iu;
// Overrides and isolates reorder what the reader sees relative to what the text says.
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
// Sending services run these through their template language.
const TEMPLATE = /\{\{|\{%|\*\|/;

/** Unfinished-copy markers and characters that misbehave in mail, in one piece of text. */
export function textProblems(text: string, what: string): TextProblem[] {
  const problems: TextProblem[] = [];
  if (TK.test(text))
    problems.push({
      severity: 'error',
      code: 'marker-tk',
      message: `${what} still has a TK marker`,
    });
  if (TODO.test(text))
    problems.push({ severity: 'error', code: 'marker-todo', message: `${what} still has a TODO` });
  if (BIDI_CONTROL.test(text))
    problems.push({
      severity: 'warning',
      code: 'text-bidi-control',
      message: `${what} has invisible characters that reverse the reading order`,
    });
  if (TEMPLATE.test(text))
    problems.push({
      severity: 'warning',
      code: 'text-template-syntax',
      message: `${what} has {{, {% or *| which the sending service may read as a merge tag`,
    });
  return problems;
}
