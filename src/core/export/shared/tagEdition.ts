import { LINK_REL_NO_UTM, linkRel } from '../../model/restoreBody.ts';
import type { Edition, Section, SectionBody, SerializedBodyNode } from '../../model/types.ts';
import { editionSlug } from './archivePaths.ts';
import { childrenOf } from './bodyNodes.ts';
import type { PublicationProfile } from './profile.ts';
import { oneLine } from './text.ts';
import { applyUtm, type UtmContext } from './utm.ts';

/** Tags one URL of a section: `optOut` for a link the editor excluded. */
export type UrlTagger = (url: string, section: Section, optOut?: boolean) => string;

/**
 * The tagger for an edition's links under a profile's UTM settings: the campaign from
 * the edition, `utm_content` from a sponsor section's sponsor, the unsubscribe link and
 * the web archive excluded.
 */
export function urlTagger(edition: Edition, profile: PublicationProfile): UrlTagger {
  const base: UtmContext = {
    number: edition.number,
    date: edition.publishDate,
    slug: editionSlug(edition),
    ownUrls: [profile.publicBaseUrl, profile.unsubscribeUrl].filter((u) => u !== ''),
  };
  return (url, section, optOut = false) =>
    applyUtm(url, profile.utm, {
      ...base,
      content: section.kind === 'sponsor' ? oneLine(section.sponsor) : '',
      optOut,
    });
}

/** True when a link node was opted out of tracking by the editor. */
export function isUtmOptOut(node: SerializedBodyNode): boolean {
  return node.type === 'link' && linkRel(node.rel) === LINK_REL_NO_UTM;
}

// One tagged body per stored body object and tagging context: the render cache keys
// parts by body JSON computed once per body object, so handing it a fresh copy on every
// export would make it serialize every body again.
const taggedBodies = new WeakMap<SectionBody, { key: string; body: SectionBody }>();

/**
 * The edition as an export sends it: every http(s) link, button and sponsor URL with
 * the profile's UTM tags (see applyUtm for the links left alone). The same edition
 * object when tagging is off; bodies without a changed link are shared, not copied.
 */
export function tagEdition(edition: Edition, profile: PublicationProfile): Edition {
  if (profile.utm.source === '') return edition;
  const tag = urlTagger(edition, profile);
  const contextKey = JSON.stringify([profile.utm, profile.publicBaseUrl, profile.unsubscribeUrl]);
  const sections = edition.sections.map((section): Section => {
    const key = `${contextKey}\u0000${edition.number}\u0000${edition.publishDate}\u0000${section.kind === 'sponsor' ? section.sponsor : ''}`;
    let memo = taggedBodies.get(section.body);
    if (memo === undefined || memo.key !== key) {
      memo = { key, body: tagBody(section.body, (url, optOut) => tag(url, section, optOut)) };
      taggedBodies.set(section.body, memo);
    }
    const body = memo.body;
    if (section.kind === 'sponsor') return { ...section, body, url: tag(section.url, section) };
    return body === section.body ? section : { ...section, body };
  });
  return { ...edition, sections };
}

function tagBody(body: SectionBody, tag: (url: string, optOut: boolean) => string): SectionBody {
  const visit = (node: SerializedBodyNode): SerializedBodyNode => {
    let out = node;
    if (
      (node.type === 'link' || node.type === 'button' || node.type === 'roundupitem') &&
      typeof node.url === 'string'
    ) {
      const url = tag(node.url, isUtmOptOut(node));
      if (url !== node.url) out = { ...node, url };
    }
    const children = childrenOf(node);
    if (children.length === 0) return out;
    const tagged = children.map(visit);
    return tagged.some((child, i) => child !== children[i]) ? { ...out, children: tagged } : out;
  };
  const root = visit(body.root);
  // A root has no URL of its own: only its children can have changed.
  return root === body.root ? body : { root: { ...body.root, children: childrenOf(root) } };
}
