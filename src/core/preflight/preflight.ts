import { renderEmail } from '../export/email/renderEmail.ts';
import { editionAsRejected } from '../export/shared/editionAsRejected.ts';
import {
  EMAIL_SIZE_LIMIT_BYTES,
  EMAIL_SIZE_WARNING_BYTES,
  PREHEADER_MAX_CHARS,
} from '../export/shared/limits.ts';
import type { PublicationProfile } from '../export/shared/profile.ts';
import { utf8ByteLength } from '../export/shared/text.ts';
import type { Edition } from '../model/types.ts';
import { urlProblems } from './linkFindings.ts';
import { sectionFindings } from './sectionFindings.ts';
import { sponsorFlightFindings } from './sponsorFindings.ts';
import { commentFindings } from './commentFindings.ts';
import { suggestionFindings } from './suggestionFindings.ts';
import { editionStats } from './stats.ts';
import { textProblems } from './textFindings.ts';
import type { Finding, PreflightOptions, PreflightResult } from './types.ts';

/*
 * What preflight checks, and how bad each finding is. An error means "do not send as
 * is" (`galley check` exits 1); a warning needs a look; info is for the record.
 *
 * | code                          | severity | when                                                 |
 * |-------------------------------|----------|------------------------------------------------------|
 * | email-too-large               | error    | email HTML >= 102,000 bytes (Gmail clips it)         |
 * | email-large                   | warning  | email HTML >= 90,000 bytes                           |
 * | subject-missing               | error    | no subject line                                      |
 * | preheader-missing             | warning  | no preheader (the inbox shows body text instead)     |
 * | preheader-too-long            | warning  | preheader over 140 characters (cut in the inbox)     |
 * | profile-missing-address       | warning  | no postal address in the footer (CAN-SPAM, GDPR)     |
 * | section-empty                 | warning  | a section with no words, image or button             |
 * | marker-tk / marker-todo       | error    | "TK" (case-sensitive) or "todo" (any case) in text   |
 * | text-bidi-control             | warning  | bidi override/isolate characters in text             |
 * | text-template-syntax          | warning  | {{, {% or *| in text (the sending service parses it) |
 * | link-empty / link-invalid     | error    | a link or button without a usable URL                |
 * | link-too-long                 | error    | a URL over 900 characters (dropped: mail line limit) |
 * | link-unfinished               | error    | a URL with a TK placeholder                          |
 * | link-local                    | error    | localhost, 127.x, 0.0.0.0, [::1]                     |
 * | link-placeholder              | warning  | example.com/.org/.net, .example, .test, .invalid     |
 * | link-insecure                 | warning  | an http: link                                        |
 * | link-phone                    | info     | a tel: link                                          |
 * | button-missing-label          | warning  | a button without a label                             |
 * | image-missing-alt             | warning  | an image without alt text                            |
 * | image-insecure-src            | error    | an image not on https (the email leaves it out)      |
 * | image-unpublished             | error    | an uploaded image but no public base URL             |
 * | sponsor-missing-disclosure    | error    | a sponsor without its disclosure line                |
 * | sponsor-missing-url           | error    | a sponsor without a link                             |
 * | sponsor-missing-name          | warning  | a sponsor without a name                             |
 * | sponsor-missing-cta           | info     | a sponsor button without a label ("Learn more")      |
 * | sponsor-outside-flight        | warning  | publish date outside the linked sponsor's flight     |
 * | poll-too-few-options          | error    | fewer than two options                               |
 * | poll-too-many-options         | warning  | more than six options                                |
 * | feedback-too-few-choices      | warning  | fewer than two choices                               |
 * | feedback-too-many-choices     | warning  | more than six choices                                |
 * | poll-/feedback-empty-option   | warning  | a blank option (left out of the email)               |
 * | poll-missing-question etc.    | warning  | no question or prompt                                |
 * | vote-url-missing              | error    | no vote URL on the section nor in the profile        |
 * | comment-open                  | warning  | an open comment thread (from `options.comments`)     |
 * | suggestion-open               | warning  | an open suggestion (exports read it as rejected)     |
 *
 * The sample edition links to example.com on purpose: those are warnings, not errors.
 */

/**
 * Checks an edition before it is sent, with the publication profile it will be sent
 * with. Returns findings (errors first, then warnings, then info; in reading order within
 * each) and word counts with reading times. Pass `emailHtml` when the email is already
 * rendered, to avoid rendering it again.
 */
export function preflight(
  edition: Edition,
  profile: PublicationProfile,
  options: PreflightOptions = {},
): PreflightResult {
  const findings: Finding[] = [];
  const add = (severity: Finding['severity'], code: string, message: string) =>
    findings.push({ severity, code, message });

  const { cache } = options;
  const html =
    options.emailHtml ?? renderEmail(editionAsRejected(edition), profile, { cache }).html;
  const bytes = utf8ByteLength(html);
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  if (bytes >= EMAIL_SIZE_LIMIT_BYTES)
    add(
      'error',
      'email-too-large',
      `the email is ${kb(bytes)}; Gmail clips anything over ${kb(EMAIL_SIZE_LIMIT_BYTES)}`,
    );
  else if (bytes >= EMAIL_SIZE_WARNING_BYTES)
    add(
      'warning',
      'email-large',
      `the email is ${kb(bytes)}, close to Gmail's ${kb(EMAIL_SIZE_LIMIT_BYTES)} limit`,
    );

  if (edition.subject.trim() === '')
    add('error', 'subject-missing', 'the edition has no subject line');
  const preheader = edition.preheader.trim();
  if (preheader === '') add('warning', 'preheader-missing', 'the edition has no preheader');
  else if ([...preheader].length > PREHEADER_MAX_CHARS)
    add(
      'warning',
      'preheader-too-long',
      `the preheader is ${[...preheader].length} characters; inboxes show about ${PREHEADER_MAX_CHARS}`,
    );
  for (const [field, value] of [
    ['the title', edition.title],
    ['the subject', edition.subject],
    ['the preheader', edition.preheader],
  ] as const)
    for (const p of textProblems(value, field)) add(p.severity, p.code, p.message);

  if (profile.postalAddress.trim() === '')
    add(
      'warning',
      'profile-missing-address',
      'the publication profile has no postal address for the footer',
    );
  for (const p of urlProblems(profile.unsubscribeUrl))
    add(p.severity, p.code, `unsubscribe link: ${p.message}`);

  const context = cache ? JSON.stringify(profile) : '';
  for (const section of edition.sections) {
    findings.push(
      ...(cache
        ? cache.reuse('findings', section.id, `${context}\u0000${cache.sectionKey(section)}`, () =>
            sectionFindings(section, profile),
          )
        : sectionFindings(section, profile)),
    );
    findings.push(...suggestionFindings(section));
  }
  // Outside the per-section cache: the records change without the section changing.
  findings.push(...sponsorFlightFindings(edition, options.sponsors ?? []));
  findings.push(...commentFindings(options.comments ?? []));
  const rank = { error: 0, warning: 1, info: 2 } as const;
  // Array.prototype.sort is stable: reading order survives within a severity.
  findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
  return { findings, stats: editionStats(edition, cache) };
}
