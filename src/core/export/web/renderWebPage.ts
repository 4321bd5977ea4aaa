import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Edition } from '../../model/types.ts';
import { editionPageUrl } from '../shared/archivePaths.ts';
import { editionLine } from '../shared/masthead.ts';
import type { PublicationProfile } from '../shared/profile.ts';
import { oneLine } from '../shared/text.ts';
import { webDocument } from './webDocument.ts';
import type { WebContext } from './webContext.ts';
import { webSection } from './webSections.ts';

export interface RenderWebOptions {
  /** See WebContext.imageSrc; by default no image is shown (each becomes a link). */
  imageSrc?: (src: string) => string | null;
  /** The page's absolute URL; by default `editionPageUrl` (the archive passes its own). */
  pageUrl?: string;
}

export interface RenderedWebPage {
  html: string;
  /** What the page left out, for the editor; never fatal. */
  warnings: string[];
}

/**
 * An edition's page in the web archive (`<slug>/index.html`): the same model the email
 * renders, as semantic HTML readable on a phone, dark mode by `prefers-color-scheme`, no
 * scripts and nothing loaded from elsewhere. The page depends only on this edition and
 * the profile, never on the other editions, so adding one to the archive leaves the
 * pages already written byte for byte the same.
 */
export function renderWebPage(
  edition: Edition,
  profile: PublicationProfile,
  options: RenderWebOptions = {},
): RenderedWebPage {
  const warnings: string[] = [];
  const ctx = webContext(edition, profile, options.imageSrc, (message) => {
    if (!warnings.includes(message)) warnings.push(message);
  });
  const title = oneLine(edition.title) || oneLine(edition.subject) || 'Untitled edition';
  const html = webDocument({
    profile,
    title: `${title} · ${oneLine(profile.name)}`,
    description: oneLine(edition.preheader),
    canonical: options.pageUrl ?? editionPageUrl(edition, profile) ?? '',
    root: '../',
    imageSrc: ctx.imageSrc,
    main: [webArticle(edition, ctx)],
  });
  return { html, warnings };
}

/** The edition's article: edition line, title, preheader as the lede, its sections. */
export function webArticle(edition: Edition, ctx: WebContext): Element {
  const line = editionLine(edition, ctx.profile.lang);
  const title = oneLine(edition.title);
  const lede = oneLine(edition.preheader);
  return h('article', [
    h('header', [
      ...(line ? [h('p', { className: ['meta'] }, [line])] : []),
      ...(title ? [h('h1', [title])] : []),
      ...(lede ? [h('p', { className: ['lede'] }, [lede])] : []),
    ]),
    ...edition.sections.map((section) => {
      const name = oneLine(section.title);
      return webSection(section, edition, {
        ...ctx,
        where: `${ctx.where}, ${name ? `section "${name.slice(0, 60)}"` : `section ${section.id}`}`,
      });
    }),
  ]);
}

/** The render context for one edition. */
export function webContext(
  edition: Edition,
  profile: PublicationProfile,
  imageSrc: ((src: string) => string | null) | undefined,
  warn: (message: string) => void,
  pageHref = '',
): WebContext {
  const number = edition.number === null ? edition.id : `#${edition.number}`;
  return {
    profile,
    where: `edition ${number}`,
    warn,
    imageSrc: imageSrc ?? (() => null),
    pageHref,
  };
}
