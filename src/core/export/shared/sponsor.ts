import type { SponsorSection } from '../../model/types.ts';
import { oneLine } from './text.ts';

/** The visible label of a sponsor box: `Sponsored · Acme` (or just `Sponsored`). */
export function sponsorLabel(section: SponsorSection): string {
  const sponsor = oneLine(section.sponsor);
  return sponsor === '' ? 'Sponsored' : `Sponsored · ${sponsor}`;
}

/**
 * The sponsor's disclosure line; when the editor left it empty, a plain one, because
 * paid content never goes out undisclosed (preflight reports the gap as an error).
 */
export function sponsorDisclosure(section: SponsorSection): string {
  const disclosure = oneLine(section.disclosure);
  if (disclosure !== '') return disclosure;
  const sponsor = oneLine(section.sponsor);
  return sponsor === '' ? 'This is paid content.' : `This is paid content from ${sponsor}.`;
}
