import type { Edition, FeedbackSection, PollSection, Section } from '../../model/types.ts';
import type { RenderCache } from '../RenderCache.ts';
import { AGENDA_HEADING, agendaItems } from '../shared/agenda.ts';
import { editionPageUrl } from '../shared/archivePaths.ts';
import { exportHref, voteBase, voteLink } from '../shared/links.ts';
import { editionLine } from '../shared/masthead.ts';
import { DEFAULT_UNSUBSCRIBE_URL, type PublicationProfile } from '../shared/profile.ts';
import { sponsorDisclosure, sponsorLabel } from '../shared/sponsor.ts';
import { linesOf, oneLine } from '../shared/text.ts';
import { textBlocks, type TextBlock, type Warn } from './blocks.ts';
import { TEXT_WIDTH, underline, wrap } from './wrap.ts';

/**
 * The plain-text part of an edition, from the model (not scraped from the HTML): every
 * word the email shows and every link's URL, wrapped at 78 columns (URLs never broken),
 * the unsubscribe URL last. Section titles are underlined, headings inside sections
 * start with `###`, lists use `-` and `1.`, dividers are a line of dashes.
 */
export function renderText(edition: Edition, profile: PublicationProfile): string {
  return renderTextWithWarnings(edition, profile).text;
}

/** Options for the plain-text export. */
export interface RenderTextOptions {
  /** Section blocks rendered earlier, reused while their section is unchanged. */
  cache?: RenderCache;
}

/** `renderText` and what it left out (unusable links and buttons). */
export function renderTextWithWarnings(
  edition: Edition,
  profile: PublicationProfile,
  options: RenderTextOptions = {},
): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  const warn: Warn = (message) => {
    if (!warnings.includes(message)) warnings.push(message);
  };
  const blocks: TextBlock[] = [];
  const name = oneLine(profile.name);
  const line = editionLine(edition, profile.lang);
  const head = [...(name ? [name] : []), ...(line ? [line] : [])];
  if (head.length > 0) blocks.push(head);
  // The HTML's "View in browser" link, so the text holds every URL the HTML has.
  const page = editionPageUrl(edition, profile);
  const pageHref = page === null ? null : exportHref(page);
  if (pageHref !== null) blocks.push(wrap(`View in browser: ${pageHref}`));
  const title = wrap(oneLine(edition.title));
  if (oneLine(edition.title) !== '') blocks.push([...title, underline(title, '=')]);

  const { cache } = options;
  const context = cache ? JSON.stringify(profile) : '';
  for (const section of edition.sections) {
    const render = (): SectionPart => {
      const part: SectionPart = { blocks: [], warnings: [] };
      part.blocks = sectionBlocks(section, edition, profile, (message) => {
        if (!part.warnings.includes(message)) part.warnings.push(message);
      });
      return part;
    };
    const part = cache
      ? cache.reuse('text', section.id, cache.partKey(section, edition, context), render)
      : render();
    for (const message of part.warnings) warn(message);
    blocks.push(...part.blocks);
  }

  const footer: TextBlock[] = [['-'.repeat(TEXT_WIDTH)]];
  if (linesOf(profile.footerText).length > 0)
    footer.push(linesOf(profile.footerText).flatMap((l) => wrap(l)));
  if (linesOf(profile.postalAddress).length > 0) footer.push(linesOf(profile.postalAddress));
  footer.push(
    wrap(`Unsubscribe: ${exportHref(profile.unsubscribeUrl) ?? DEFAULT_UNSUBSCRIBE_URL}`),
  );
  blocks.push(...footer);

  const text = blocks
    .filter((b) => b.length > 0)
    .map((b) => b.join('\n'))
    .join('\n\n');
  return { text: `${text}\n`, warnings };
}

interface SectionPart {
  blocks: TextBlock[];
  /** Replayed on every use, in order. */
  warnings: string[];
}

function sectionBlocks(
  section: Section,
  edition: Edition,
  profile: PublicationProfile,
  warn: Warn,
): TextBlock[] {
  const out: TextBlock[] = [];
  if (section.kind === 'sponsor') out.push([sponsorLabel(section)]);
  const title = oneLine(section.title);
  if (title !== '') {
    const lines = wrap(title);
    out.push([...lines, underline(lines, '-')]);
  }
  out.push(...textBlocks(section.body.root, warn));
  switch (section.kind) {
    case 'story':
    case 'roundup':
      break;
    case 'intro': {
      const agenda = section.agenda === 'auto' ? agendaItems(edition) : [];
      if (agenda.length > 0)
        out.push([`${AGENDA_HEADING}:`, ...agenda.flatMap((item) => wrap(item.title, '- ', '  '))]);
      break;
    }
    case 'sponsor': {
      const href = exportHref(section.url);
      if (href !== null) out.push(wrap(`${oneLine(section.cta) || 'Learn more'}: ${href}`));
      out.push(wrap(sponsorDisclosure(section)));
      break;
    }
    case 'poll':
      out.push(...choiceBlocks(section, section.question, section.options, profile));
      break;
    case 'feedback':
      out.push(...choiceBlocks(section, section.prompt, section.choices, profile));
      break;
  }
  return out;
}

function choiceBlocks(
  section: PollSection | FeedbackSection,
  prompt: string,
  options: string[],
  profile: PublicationProfile,
): TextBlock[] {
  const base = voteBase(section.voteUrl, profile.defaultVoteUrl);
  const lines: string[] = [];
  options.forEach((option, index) => {
    const label = oneLine(option);
    if (label === '') return;
    const href = base === null ? null : voteLink(base, section.id, index + 1);
    lines.push(...wrap(href === null ? label : `${label}: ${href}`, '- ', '  '));
  });
  const question = oneLine(prompt);
  return [question === '' ? [] : wrap(question), lines];
}
