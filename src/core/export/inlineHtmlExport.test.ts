import { describe, expect, it } from 'vitest';
import { el, para, text } from '../../../test/helpers/bodyNodes.ts';
import { markdownToBody } from '../import/markdownToBody.ts';
import { restoreEdition } from '../model/restoreEdition.ts';
import type { SerializedBodyNode } from '../model/types.ts';
import { preflight } from '../preflight/preflight.ts';
import { renderEmail } from './email/renderEmail.ts';
import { defaultProfile } from './shared/profile.ts';
import { renderTextWithWarnings } from './text/renderText.ts';
import { renderWebPage } from './web/renderWebPage.ts';

const tag = (source: string): SerializedBodyNode => ({ type: 'inlinehtml', version: 1, source });

function edition(...blocks: SerializedBodyNode[]) {
  return restoreEdition({
    title: 'T',
    subject: 'S',
    preheader: 'P',
    sections: [{ id: 's1', kind: 'story', title: 'Keys', body: { root: el('root', blocks) } }],
  });
}

describe('inline HTML outside the Markdown', () => {
  const keys = edition(
    para(
      text('Press '),
      tag('<kbd class="key">'),
      text('Ctrl'),
      tag('</kbd>'),
      text(' and '),
      tag('<a href="https://a.example/">'),
      text('go'),
      tag('</a>'),
      tag('<!-- note -->'),
    ),
    para(tag('<span>')),
  );

  it('the email keeps the words and leaves every tag out', () => {
    const { html, warnings } = renderEmail(keys, defaultProfile());
    expect(warnings).toEqual([]);
    expect(html).toMatch(/>Press Ctrl and go</);
    expect(html).not.toMatch(/<kbd|class="key"|href="https:\/\/a\.example\/"|note|<span>/);
  });

  it('the plain text keeps the words and leaves every tag out', () => {
    const { text: plain, warnings } = renderTextWithWarnings(keys, defaultProfile());
    expect(warnings).toEqual([]);
    expect(plain).toMatch(/^Press Ctrl and go$/m);
    expect(plain).not.toMatch(/<|note/);
  });

  it('the web archive page keeps the words and leaves every tag out', () => {
    const { html, warnings } = renderWebPage(keys, defaultProfile());
    expect(warnings).toEqual([]);
    expect(html).toMatch(/>Press Ctrl and go</);
    expect(html).not.toMatch(/<kbd|class="key"|href="https:\/\/a\.example\/"|note -->/);
  });

  it('preflight warns once per section, naming the tags, at the first one', () => {
    const findings = preflight(keys, defaultProfile()).findings.filter(
      (f) => f.code === 'inline-html-left-out',
    );
    expect(findings).toEqual([
      {
        severity: 'warning',
        code: 'inline-html-left-out',
        message:
          'raw HTML <kbd>, </kbd>, <a>, </a>, 1 more is left out of the email and the plain text (it stays in the Markdown); the words around it are kept',
        sectionId: 's1',
        nodePath: [0, 1],
      },
    ]);
  });

  it('preflight says nothing for comments alone: they show nowhere', () => {
    const quiet = edition(para(text('a'), tag('<!-- note -->'), tag('<?php x ?>')));
    const codes = preflight(quiet, defaultProfile()).findings.map((f) => f.code);
    expect(codes).not.toContain('inline-html-left-out');
  });

  it('hostile inline HTML in imported Markdown reaches no output', () => {
    const { body } = markdownToBody(
      'A <img src=x onerror=alert(1)> b <a href="javascript:alert(1)">c</a> <script>alert(1)</script> d\n',
    );
    const hostile = restoreEdition({
      title: 'T',
      subject: 'S',
      preheader: 'P',
      sections: [{ id: 's1', kind: 'story', title: 'H', body }],
    });
    const outputs = [
      renderEmail(hostile, defaultProfile()).html,
      renderTextWithWarnings(hostile, defaultProfile()).text,
      renderWebPage(hostile, defaultProfile()).html,
    ];
    for (const out of outputs) expect(out).not.toMatch(/onerror|javascript:|<script>alert/i);
  });
});
