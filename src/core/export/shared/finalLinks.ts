import type { Edition } from '../../model/types.ts';
import { buttonOf, linkUrlOf } from './bodyNodes.ts';
import { exportHref, voteBase, voteLink } from './links.ts';
import { roundupItemOf } from './roundupItem.ts';
import type { PublicationProfile } from './profile.ts';
import { isUtmOptOut, urlTagger } from './tagEdition.ts';
import { oneLine } from './text.ts';
import { inlineText, walkBody } from './walkBody.ts';

/** One link of an edition as the Checks panel lists it. */
export interface FinalLink {
  sectionId: string;
  /** The words the reader clicks. */
  text: string;
  /** The URL as the editor wrote it. */
  url: string;
  /** The URL the export writes (UTM tags added), or null when the export drops the link. */
  finalUrl: string | null;
}

/**
 * Every link an export of the edition writes inside its sections, in reading order:
 * body links, buttons, the sponsor's call to action, poll and feedback choices, each
 * with the final URL after tracking (see tagEdition). Vote links are the publication's
 * own endpoint and are not tagged.
 */
export function finalLinks(edition: Edition, profile: PublicationProfile): FinalLink[] {
  const tag = urlTagger(edition, profile);
  const out: FinalLink[] = [];
  const push = (sectionId: string, text: string, url: string, finalUrl: string | null) =>
    out.push({ sectionId, text: oneLine(text), url, finalUrl });
  for (const section of edition.sections) {
    walkBody(section.body, (node) => {
      if (node.type === 'link') {
        const url = linkUrlOf(node);
        push(section.id, inlineText(node), url, exportHref(tag(url, section, isUtmOptOut(node))));
        return false;
      }
      if (node.type === 'button') {
        const { label, url } = buttonOf(node);
        push(section.id, label || url, url, exportHref(tag(url, section)));
      }
      if (node.type === 'roundupitem') {
        const { title, url } = roundupItemOf(node);
        if (url !== '') push(section.id, title || url, url, exportHref(tag(url, section)));
      }
    });
    if (section.kind === 'sponsor' && section.url !== '')
      push(
        section.id,
        oneLine(section.cta) || 'Learn more',
        section.url,
        exportHref(tag(section.url, section)),
      );
    if (section.kind === 'poll' || section.kind === 'feedback') {
      const base = voteBase(section.voteUrl, profile.defaultVoteUrl);
      const options = section.kind === 'poll' ? section.options : section.choices;
      options.forEach((option, index) => {
        if (oneLine(option) === '' || base === null) return;
        push(section.id, option, base, voteLink(base, section.id, index + 1));
      });
    }
  }
  return out;
}
