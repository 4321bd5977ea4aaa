import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { PublicationProfile } from '../shared/profile.ts';
import { linesOf, oneLine } from '../shared/text.ts';
import { webCss } from './webStyles.ts';

/** The parts of an archive page that differ between the index and an edition's page. */
export interface WebPageParts {
  profile: PublicationProfile;
  title: string;
  description: string;
  /** The page's absolute URL. */
  canonical: string;
  /** From this page to the site's root folder: '' or '../'. */
  root: string;
  /** The logo as this page shows it (see WebContext.imageSrc). */
  imageSrc(src: string): string | null;
  main: ElementContent[];
}

// Belt and braces for "no scripts, nothing from elsewhere": a browser that opens a page
// refuses any script and any resource not in the site's own folder.
const CSP =
  "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** A complete archive page: head with the inline style sheet, site header, main, footer. */
export function webDocument(parts: WebPageParts): string {
  const { profile, root } = parts;
  const head = h('head', [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { httpEquiv: 'Content-Security-Policy', content: CSP }),
    h('meta', { name: 'color-scheme', content: 'light dark' }),
    h('title', [parts.title]),
    ...(parts.description ? [h('meta', { name: 'description', content: parts.description })] : []),
    h('link', { rel: 'canonical', href: parts.canonical }),
    h('link', {
      rel: 'alternate',
      type: 'application/atom+xml',
      title: oneLine(profile.name) || 'Feed',
      href: `${root}feed.xml`,
    }),
    h('style', [webCss(profile)]),
  ]);
  const body = h('body', [
    h('div', { className: ['page'] }, [
      h('header', { className: ['site'] }, [
        h('a', { href: `${root}index.html` }, [masthead(parts)]),
        h('a', { href: `${root}feed.xml`, className: ['muted'] }, ['Feed']),
      ]),
      h('main', parts.main),
      footer(profile, root),
    ]),
  ]);
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: profile.lang, dir: profile.dir }, [head, body]),
    ],
  };
  return `${toHtml(tree, { characterReferences: { useNamedReferences: true } })}\n`;
}

function masthead(parts: WebPageParts): ElementContent {
  const name = oneLine(parts.profile.name) || 'Newsletter';
  const light = parts.profile.logoUrl ? parts.imageSrc(parts.profile.logoUrl) : null;
  if (light === null) return { type: 'text', value: name };
  const width = parts.profile.logoWidth ?? 160;
  const img = h('img', { src: light, alt: name, width });
  const dark = parts.profile.logoDarkUrl ? parts.imageSrc(parts.profile.logoDarkUrl) : null;
  if (dark === null) return img;
  return h('picture', [h('source', { srcSet: dark, media: '(prefers-color-scheme: dark)' }), img]);
}

function footer(profile: PublicationProfile, root: string): Element {
  const paragraph = (value: string): Element[] => {
    const lines = linesOf(value);
    if (lines.length === 0) return [];
    return [
      h(
        'p',
        lines.flatMap((line, i) => (i === 0 ? [line] : [h('br'), line])),
      ),
    ];
  };
  return h('footer', { className: ['muted'] }, [
    ...paragraph(profile.postalAddress),
    h('p', [
      h('a', { href: `${root}index.html` }, ['All editions']),
      ' · ',
      h('a', { href: `${root}feed.xml` }, ['Feed']),
    ]),
  ]);
}
