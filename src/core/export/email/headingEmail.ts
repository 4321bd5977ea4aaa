import type { HeadingLevel } from '../shared/bodyNodes.ts';

/**
 * The email size scale of body headings, in pixels with explicit line heights (Outlook
 * and Gmail apply their own defaults otherwise). h3 and h4, the levels the toolbar offers,
 * keep the sizes they always had; h1 and h2 (from imported Markdown or a shortcut) sit
 * above them, around the section title's 22 px; h5 and h6 step down without going below
 * 14 px, which iOS Mail would enlarge anyway (no text-transform or letter-spacing: caniemail
 * lists them as partly supported). Colour comes from
 * `headingStyle` and the dark-mode `gx-text` rule, the same for every level.
 */
const SIZES: Record<HeadingLevel, string> = {
  1: 'margin:32px 0 12px;font-size:24px;line-height:30px',
  2: 'margin:30px 0 12px;font-size:21px;line-height:28px',
  3: 'margin:28px 0 10px;font-size:19px;line-height:26px',
  4: 'margin:22px 0 8px;font-size:16px;line-height:24px',
  5: 'margin:20px 0 8px;font-size:15px;line-height:22px',
  6: 'margin:20px 0 8px;font-size:14px;line-height:20px',
};

/** The margin, size and line height of a body heading of `level` in email. */
export function emailHeadingSize(level: HeadingLevel): string {
  return SIZES[level];
}
