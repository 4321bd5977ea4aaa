import { voteBase } from '../export/shared/links.ts';
import type { PublicationProfile } from '../export/shared/profile.ts';
import { walkBody } from '../export/shared/walkBody.ts';
import { countWords, sectionText } from '../model/text.ts';
import type { FeedbackSection, PollSection, Section } from '../model/types.ts';
import { bodyFindings } from './bodyFindings.ts';
import { urlProblems } from './linkFindings.ts';
import { textProblems } from './textFindings.ts';
import type { Finding } from './types.ts';

/** Everything preflight checks in one section: its fields by kind, then its body. */
export function sectionFindings(section: Section, profile: PublicationProfile): Finding[] {
  const findings: Finding[] = [];
  const add = (severity: Finding['severity'], code: string, message: string) =>
    findings.push({ severity, code, message, sectionId: section.id });
  if (isEmpty(section)) add('warning', 'section-empty', 'the section is empty');
  for (const p of textProblems(section.title, 'the title')) add(p.severity, p.code, p.message);
  switch (section.kind) {
    case 'story':
    case 'intro':
      break;
    case 'sponsor':
      if (section.disclosure.trim() === '')
        add(
          'error',
          'sponsor-missing-disclosure',
          'the sponsor has no disclosure line; the email uses a generic one',
        );
      if (section.sponsor.trim() === '')
        add('warning', 'sponsor-missing-name', 'the sponsor has no name');
      if (section.url.trim() === '')
        add(
          'error',
          'sponsor-missing-url',
          'the sponsor has no link; the email has no call-to-action button',
        );
      else
        for (const p of urlProblems(section.url))
          add(p.severity, p.code, `sponsor link: ${p.message}`);
      if (section.cta.trim() === '')
        add(
          'info',
          'sponsor-missing-cta',
          'the sponsor button has no label; the email says "Learn more"',
        );
      for (const field of [section.sponsor, section.cta, section.disclosure])
        for (const p of textProblems(field, 'the sponsor box')) add(p.severity, p.code, p.message);
      break;
    case 'poll':
    case 'feedback':
      findings.push(...choiceFindings(section, profile));
      break;
  }
  findings.push(...bodyFindings(section, profile));
  return findings;
}

function choiceFindings(
  section: PollSection | FeedbackSection,
  profile: PublicationProfile,
): Finding[] {
  const findings: Finding[] = [];
  const add = (severity: Finding['severity'], code: string, message: string) =>
    findings.push({ severity, code, message, sectionId: section.id });
  const poll = section.kind === 'poll';
  const noun = poll ? 'option' : 'choice';
  const options = poll ? section.options : section.choices;
  const prompt = poll ? section.question : section.prompt;
  const filled = options.filter((o) => o.trim() !== '');
  if (filled.length < 2)
    add(
      poll ? 'error' : 'warning',
      `${section.kind}-too-few-${noun}s`,
      `needs at least two ${noun}s (has ${filled.length})`,
    );
  if (filled.length > 6)
    add(
      'warning',
      `${section.kind}-too-many-${noun}s`,
      `has ${filled.length} ${noun}s; more than six is hard to answer in an inbox`,
    );
  if (filled.length < options.length)
    add('warning', `${section.kind}-empty-${noun}`, `an empty ${noun} is left out of the email`);
  if (prompt.trim() === '')
    add(
      'warning',
      `${section.kind}-missing-${poll ? 'question' : 'prompt'}`,
      `the ${poll ? 'question' : 'prompt'} is empty`,
    );
  const base = voteBase(section.voteUrl, profile.defaultVoteUrl);
  if (base === null)
    add(
      'error',
      'vote-url-missing',
      'no vote URL here or in the profile: the options are not links',
    );
  else for (const p of urlProblems(base)) add(p.severity, p.code, `vote link: ${p.message}`);
  for (const text of [prompt, ...options])
    for (const p of textProblems(text, `the ${noun}s`)) add(p.severity, p.code, p.message);
  return findings;
}

// Empty: no words anywhere (title aside) and no image or button in the body.
function isEmpty(section: Section): boolean {
  if (countWords(sectionText(section)) > 0) return false;
  let media = false;
  walkBody(section.body, (node) => {
    if (node.type === 'image' || node.type === 'button') media = true;
  });
  return !media;
}
