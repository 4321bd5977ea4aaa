import { codeBlockOf, codeLineColumns, MOBILE_CODE_COLUMNS } from '../export/shared/codeBlock.ts';
import type { SerializedBodyNode } from '../model/types.ts';
import { textProblems } from './textFindings.ts';
import type { Finding } from './types.ts';

type BodyFinding = Omit<Finding, 'sectionId' | 'nodePath'>;

// In code, TODO and TK are the code's own words; what still hurts a reader is invisible
// bidi controls (text that reads in another order than it runs) and merge-tag syntax that
// the sending service would replace.
const CODE_TEXT_PROBLEMS = new Set(['text-bidi-control', 'text-template-syntax']);

/**
 * Findings for one code block: lines longer than a phone shows without scrolling
 * (MOBILE_CODE_COLUMNS), reported once per block with the longest line and how many there
 * are; bidi controls and merge-tag syntax in the code.
 */
export function codeBlockFindings(node: SerializedBodyNode): BodyFinding[] {
  const { code } = codeBlockOf(node);
  const out: BodyFinding[] = [];
  let longest = 0;
  let longestLine = 0;
  let long = 0;
  code.split('\n').forEach((line, index) => {
    const width = codeLineColumns(line);
    if (width > MOBILE_CODE_COLUMNS) long += 1;
    if (width > longest) {
      longest = width;
      longestLine = index + 1;
    }
  });
  if (long > 0)
    out.push({
      severity: 'warning',
      code: 'code-line-too-long',
      message:
        `a code block has ${long === 1 ? 'a line' : `${long} lines`} wider than a phone shows ` +
        `(line ${longestLine} is ${longest} characters; about ${MOBILE_CODE_COLUMNS} fit at 375 px), ` +
        'so phone readers scroll sideways and Outlook wraps it',
    });
  for (const p of textProblems(code, 'a code block'))
    if (CODE_TEXT_PROBLEMS.has(p.code)) out.push(p);
  return out;
}
