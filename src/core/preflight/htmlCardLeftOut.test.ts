import { describe, expect, it } from 'vitest';
import { cardsEdition } from '../../../test/fixtures/cards/cardsEdition.ts';
import { defaultProfile } from '../export/shared/profile.ts';
import { htmlCardLeftOutFindings } from './htmlCardLeftOut.ts';
import { preflight } from './preflight.ts';

const card = (html: string) => ({ type: 'htmlcard', version: 1, html });

describe('preflight: what the email leaves out of an HTML card kept as written', () => {
  it('names comments, class and id, unknown tags, other attributes and relative URLs', () => {
    const findings = htmlCardLeftOutFindings(
      card(
        '<div id="tip" class="note"><!-- c --><warning data-kind="tip">Hi</warning> ' +
          '<a href="/about">About</a> <img src="asset:' +
          'a'.repeat(64) +
          '" alt="logo" width="10"></div>',
      ),
    );
    expect(findings).toEqual([
      {
        severity: 'warning',
        code: 'htmlcard-left-out',
        message:
          "the email leaves out part of an HTML card's HTML: comments; class and id; the tags <warning>; the attributes data-kind; links and images without an absolute web URL (/about, asset:" +
          'a'.repeat(54) +
          '). The draft and its Markdown keep it; the inbox does not',
      },
    ]);
  });

  it('says nothing when the email gets the card as written, or only reshaped', () => {
    expect(
      htmlCardLeftOutFindings(card('<p style="margin:0">Hi <a href="https://a.example">a</a></p>')),
    ).toEqual([]);
    // Only serialization changes (the implied tbody): nothing is left out.
    expect(htmlCardLeftOutFindings(card('<table><tr><td>x</td></tr></table>'))).toEqual([]);
    // A hostile card is stored sanitized already: the draft has nothing more than the email.
    expect(htmlCardLeftOutFindings(card('<div class="x" onclick="steal()">hi</div>'))).toEqual([]);
  });

  it('reaches preflight on the card, where the editor can jump to it', () => {
    const findings = preflight(
      cardsEdition([card('<div class="note">Hi</div>')]),
      defaultProfile(),
    ).findings.filter((f) => f.code === 'htmlcard-left-out');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', sectionId: 's1' });
    expect(findings[0]!.message).toContain('class and id');
    expect(findings[0]!.nodePath).toBeDefined();
  });
});
