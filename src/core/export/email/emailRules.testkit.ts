/**
 * TEST-ONLY: every rule of ../shared/EMAIL_RULES.md as a named check on an exported
 * email, numbered as in that file. The checks read the output as a browser parses it
 * (parse5) and know nothing of how the exporter built it, except the class names the
 * dark-mode rule needs to find logos.
 */
import type { Edition } from '../../model/types.ts';
import {
  checkDarkMode,
  checkDocument,
  checkLineLength,
  checkPlainText,
  checkPreheader,
  checkSponsored,
} from './emailContentRules.testkit.ts';
import { parseEmail, type ParsedEmail } from './emailDom.testkit.ts';
import {
  checkConditionalsAndButtons,
  checkDividers,
  checkEntitiesAndColors,
  checkForbidden,
  checkHrefs,
  checkImages,
  checkInlineStyles,
  checkSize,
  checkStyleBlocks,
  checkTables,
  checkWidth,
} from './emailMarkupRules.testkit.ts';

export interface EmailRule {
  id: number;
  name: string;
  check(email: ParsedEmail): string[];
}

/** Every rule, numbered as in EMAIL_RULES.md. */
export const EMAIL_RULES: EmailRule[] = [
  { id: 1, name: 'under 102 KB', check: checkSize },
  { id: 2, name: 'style blocks under 16 KB, no nested at-rules', check: checkStyleBlocks },
  {
    id: 3,
    name: 'styles inline; head CSS only media, dark mode, resets',
    check: checkInlineStyles,
  },
  { id: 4, name: 'presentation tables, no flex/grid/float', check: checkTables },
  { id: 5, name: '600 px with an Outlook-only table', check: checkWidth },
  { id: 6, name: 'images: alt, numeric width, https', check: checkImages },
  { id: 7, name: 'hrefs: https, http, mailto, tel, merge tags', check: checkHrefs },
  {
    id: 8,
    name: 'no script, iframe, form, svg, video, object, embed, link, @import',
    check: checkForbidden,
  },
  { id: 9, name: 'html lang dir, charset, viewport, title', check: checkDocument },
  { id: 10, name: 'hidden preheader first, spacers after', check: checkPreheader },
  {
    id: 11,
    name: 'balanced conditionals, button padding on the cell',
    check: checkConditionalsAndButtons,
  },
  { id: 12, name: 'dividers are borders, no <hr>', check: checkDividers },
  { id: 13, name: 'no &apos;, six-digit hex colours', check: checkEntitiesAndColors },
  { id: 14, name: 'plain text holds all text and link URLs', check: checkPlainText },
  { id: 15, name: 'no line over 998 bytes', check: checkLineLength },
  { id: 16, name: 'sponsored content labelled and disclosed', check: checkSponsored },
  { id: 17, name: 'dark mode: color-scheme, readable colours, logos', check: checkDarkMode },
];

/** Runs every rule on an email; the result maps rule ids to violations. */
export function checkEmailRules(
  html: string,
  text: string,
  edition: Edition,
): Map<number, string[]> {
  const email = parseEmail(html, text, edition);
  return new Map(EMAIL_RULES.map((rule) => [rule.id, rule.check(email)]));
}
