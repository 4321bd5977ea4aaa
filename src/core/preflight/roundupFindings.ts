import { roundupItemOf } from '../export/shared/roundupItem.ts';
import { inlineText } from '../export/shared/walkBody.ts';
import type { SerializedBodyNode } from '../model/types.ts';
import { urlProblems } from './linkFindings.ts';
import { textProblems } from './textFindings.ts';
import type { Finding } from './types.ts';

/** Longest blurb that still reads as one line in a 600 px email (about two at 375 px). */
export const MAX_BLURB_CHARS = 200;

type Problem = Omit<Finding, 'sectionId' | 'nodePath'>;

/**
 * What could let a reader down in one roundup item: no title (the email shows the URL),
 * no URL or an unusable one (nothing to click), a blurb longer than one line or broken
 * over several, and unfinished-copy markers in its fields.
 */
export function roundupItemFindings(node: SerializedBodyNode): Problem[] {
  const item = roundupItemOf(node);
  const out: Problem[] = [];
  const name = item.title === '' ? 'a roundup item' : `roundup item "${item.title.slice(0, 60)}"`;
  if (item.title === '')
    out.push({
      severity: 'warning',
      code: 'roundup-missing-title',
      message: 'a roundup item has no title; the email shows its URL instead',
    });
  if (item.url.trim() === '')
    out.push({
      severity: 'error',
      code: 'roundup-missing-url',
      message: `${name} has no URL (or one that is not https, http, mailto or tel); readers have nothing to click`,
    });
  else for (const p of urlProblems(item.url)) out.push({ ...p, message: `${name}: ${p.message}` });
  const children = Array.isArray(node.children) ? node.children : [];
  if (children.some((child) => child.type === 'linebreak'))
    out.push({
      severity: 'warning',
      code: 'roundup-blurb-multiline',
      message: `${name}: the blurb has a line break; a roundup blurb is one line`,
    });
  const blurb = inlineText(node).trim();
  if ([...blurb].length > MAX_BLURB_CHARS)
    out.push({
      severity: 'warning',
      code: 'roundup-blurb-long',
      message: `${name}: the blurb is ${[...blurb].length} characters; keep it to one line (${MAX_BLURB_CHARS} at most)`,
    });
  out.push(...textProblems(`${item.title} ${item.source}`, 'a roundup item title or source'));
  return out;
}
