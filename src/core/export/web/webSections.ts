import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Edition, FeedbackSection, PollSection, Section } from '../../model/types.ts';
import { AGENDA_HEADING, agendaItems } from '../shared/agenda.ts';
import { voteBase, voteLink } from '../shared/links.ts';
import { sponsorDisclosure, sponsorLabel } from '../shared/sponsor.ts';
import { oneLine } from '../shared/text.ts';
import { webBody, webButton } from './webBody.ts';
import type { WebContext } from './webContext.ts';

/**
 * A section as a `<section>` with its own anchor (the intro's agenda links to them); a
 * sponsor as a labelled `<aside>`, so a reader and a screen reader both know it is paid.
 */
export function webSection(section: Section, edition: Edition, ctx: WebContext): Element {
  const id = section.id;
  const content: ElementContent[] = [];
  switch (section.kind) {
    case 'story':
    case 'roundup':
      content.push(...heading(section.title), ...webBody(section.body, ctx));
      break;
    case 'intro': {
      content.push(...heading(section.title), ...webBody(section.body, ctx));
      const agenda = section.agenda === 'auto' ? agendaItems(edition) : [];
      if (agenda.length > 0)
        content.push(
          h('nav', { ariaLabel: AGENDA_HEADING }, [
            h('p', [h('strong', [AGENDA_HEADING])]),
            h(
              'ul',
              agenda.map((item) =>
                h('li', [h('a', { href: `${ctx.pageHref}#${item.sectionId}` }, [item.title])]),
              ),
            ),
          ]),
        );
      break;
    }
    case 'sponsor': {
      content.push(
        h('p', { className: ['label'] }, [sponsorLabel(section)]),
        ...heading(section.title),
        ...webBody(section.body, ctx),
      );
      const cta =
        section.url === ''
          ? null
          : webButton(oneLine(section.cta) || 'Learn more', section.url, ctx);
      if (cta) content.push(h('p', [cta]));
      content.push(h('p', { className: ['disclosure'] }, [sponsorDisclosure(section)]));
      return h('aside', { id, className: ['sponsor'], ariaLabel: sponsorLabel(section) }, content);
    }
    case 'poll':
      content.push(
        ...heading(section.title),
        ...webBody(section.body, ctx),
        ...choices(section, section.question, section.options, ctx),
      );
      break;
    case 'feedback':
      content.push(
        ...heading(section.title),
        ...webBody(section.body, ctx),
        ...choices(section, section.prompt, section.choices, ctx),
      );
      break;
  }
  return h('section', { id }, content);
}

function heading(title: string): Element[] {
  const line = oneLine(title);
  return line === '' ? [] : [h('h2', [line])];
}

// The same vote links the email carries, so a vote from the archive counts the same way.
function choices(
  section: PollSection | FeedbackSection,
  prompt: string,
  options: string[],
  ctx: WebContext,
): Element[] {
  const out: Element[] = [];
  const question = oneLine(prompt);
  if (question !== '') out.push(h('p', [h('strong', [question])]));
  const base = voteBase(section.voteUrl, ctx.profile.defaultVoteUrl);
  const items: Element[] = [];
  options.forEach((option, index) => {
    const label = oneLine(option);
    if (label === '') return;
    const href = base === null ? null : voteLink(base, section.id, index + 1);
    items.push(h('li', [href === null ? label : h('a', { href }, [label])]));
  });
  if (items.length > 0) out.push(h('ul', { className: ['choices'] }, items));
  return out;
}
