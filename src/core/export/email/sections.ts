import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type {
  Edition,
  FeedbackSection,
  PollSection,
  Section,
  SponsorSection,
} from '../../model/types.ts';
import { AGENDA_HEADING, agendaItems } from '../shared/agenda.ts';
import { voteBase, voteLink } from '../shared/links.ts';
import { oneLine } from '../shared/text.ts';
import { sponsorDisclosure, sponsorLabel } from '../shared/sponsor.ts';
import { headingStyle, renderBody } from './blocks.ts';
import { button, choiceLinks, mutedParagraph } from './components.ts';
import type { EmailContext } from './context.ts';
import { box, text } from './hast.ts';
import { style } from './styles.ts';

/** The content of a section's cell, by kind. */
export function renderSection(
  section: Section,
  edition: Edition,
  ctx: EmailContext,
): ElementContent[] {
  switch (section.kind) {
    case 'story':
    case 'roundup':
      return [...title(section.title, ctx), ...renderBody(section.body, ctx)];
    case 'intro': {
      const out = [...title(section.title, ctx), ...renderBody(section.body, ctx)];
      const agenda = section.agenda === 'auto' ? agendaItems(edition) : [];
      if (agenda.length > 0) {
        out.push(
          h('p', { style: 'margin:8px 0 8px;font-weight:700' }, [text(AGENDA_HEADING)]),
          h(
            'ul',
            { style: `margin:0 0 16px;padding:0;padding-${side(ctx)}:24px` },
            agenda.map((item) => h('li', { style: 'margin:0 0 6px' }, [text(item.title)])),
          ),
        );
      }
      return out;
    }
    case 'sponsor':
      return [sponsorBox(section, ctx)];
    case 'poll':
      return [
        ...title(section.title, ctx),
        ...renderBody(section.body, ctx),
        ...choices(section, section.question, section.options, ctx),
      ];
    case 'feedback':
      return [
        ...title(section.title, ctx),
        ...renderBody(section.body, ctx),
        ...choices(section, section.prompt, section.choices, ctx),
      ];
  }
}

function side(ctx: EmailContext): string {
  return ctx.profile.dir === 'rtl' ? 'right' : 'left';
}

function title(value: string, ctx: EmailContext): Element[] {
  const line = oneLine(value);
  if (line === '') return [];
  const size = 'margin:0 0 14px;font-size:22px;line-height:28px';
  return [h('h2', { className: ['gx-text'], style: headingStyle(size, ctx) }, [text(line)])];
}

/** The boxed, labelled sponsor: label, title, body, call to action, disclosure. */
function sponsorBox(section: SponsorSection, ctx: EmailContext): Element {
  // The box's padding and border narrow the column its images may use.
  const inner: EmailContext = { ...ctx, width: ctx.width - 2 * 24 - 2 };
  const label = h(
    'p',
    {
      className: ['gx-muted'],
      style: style(
        'margin:0 0 10px',
        'font-size:12px',
        'line-height:16px',
        'font-weight:700',
        'letter-spacing:1px',
        `color:${ctx.palette.light.muted}`,
      ),
    },
    [text(sponsorLabel(section))],
  );
  const children: ElementContent[] = [
    label,
    ...title(section.title, inner),
    ...renderBody(section.body, inner),
  ];
  if (section.url !== '') {
    const cta = button(oneLine(section.cta) || 'Learn more', section.url, inner);
    if (cta) children.push(cta);
  }
  children.push(mutedParagraph(sponsorDisclosure(section), inner, '0'));
  return box({ style: 'padding:0 0 8px' }, [
    box(
      {
        className: ['gx-box'],
        bgColor: ctx.palette.light.box,
        style: style(
          `background-color:${ctx.palette.light.box}`,
          `border:1px solid ${ctx.palette.light.rule}`,
          'border-radius:8px',
          'padding:20px 24px',
        ),
      },
      children,
    ),
  ]);
}

/** A poll question or feedback prompt and its options as vote links. */
function choices(
  section: PollSection | FeedbackSection,
  prompt: string,
  options: string[],
  ctx: EmailContext,
): ElementContent[] {
  const out: ElementContent[] = [];
  const question = oneLine(prompt);
  if (question !== '')
    out.push(h('p', { style: 'margin:0 0 12px;font-weight:700' }, [text(question)]));
  const base = voteBase(section.voteUrl, ctx.profile.defaultVoteUrl);
  // Choice numbers follow the stored options, so a blank option does not renumber the rest.
  const links: Array<{ label: string; href: string }> = [];
  const unlinked: string[] = [];
  options.forEach((option, index) => {
    const label = oneLine(option);
    if (label === '') return;
    const href = base === null ? null : voteLink(base, section.id, index + 1);
    if (href === null) unlinked.push(label);
    else links.push({ label, href });
  });
  if (unlinked.length > 0) {
    ctx.warn(`${ctx.where}: no vote URL (section or profile default); options shown without links`);
    out.push(
      h(
        'ul',
        { style: `margin:0 0 16px;padding:0;padding-${side(ctx)}:24px` },
        unlinked.map((label) => h('li', { style: 'margin:0 0 6px' }, [text(label)])),
      ),
    );
  }
  if (links.length > 0) out.push(choiceLinks(links, ctx));
  return out;
}
