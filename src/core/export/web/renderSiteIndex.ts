import { h } from 'hastscript';
import { formatDate } from '../shared/masthead.ts';
import type { PublicationProfile } from '../shared/profile.ts';
import { oneLine } from '../shared/text.ts';
import { sortArchive, type ArchiveEntry } from './archiveEntries.ts';
import { webDocument } from './webDocument.ts';

/**
 * The archive's front page: every edition, newest first, with its number, date, title
 * and preheader, each linking to `<slug>/index.html` (explicit, so the folder also
 * browses from disk without a web server).
 */
export function renderSiteIndex(
  entries: ArchiveEntry[],
  profile: PublicationProfile,
  imageSrc: (src: string) => string | null = () => null,
): string {
  const name = oneLine(profile.name) || 'Newsletter';
  const items = sortArchive(entries).map(({ edition, slug, date }) => {
    const meta = [
      edition.number === null ? '' : `Issue ${edition.number}`,
      formatDate(date, profile.lang),
    ].filter((part) => part !== '');
    const preheader = oneLine(edition.preheader);
    return h('li', [
      h('p', { className: ['meta'] }, [meta.join(' · ')]),
      h('h2', [
        h('a', { href: `${slug}/index.html` }, [oneLine(edition.title) || 'Untitled edition']),
      ]),
      ...(preheader ? [h('p', [preheader])] : []),
    ]);
  });
  return webDocument({
    profile,
    title: name,
    description: `Every edition of ${name}.`,
    canonical: `${profile.publicBaseUrl}/`,
    root: '',
    imageSrc,
    main: [
      h('h1', [name]),
      items.length > 0
        ? h('ol', { className: ['editions'], reversed: true }, items)
        : h('p', ['No editions yet.']),
    ],
  });
}
