import * as commonmark from 'commonmark';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { markdownToBody } from '../../import/markdownToBody.ts';
import { bodyToMarkdown } from './renderMarkdown.ts';

/**
 * The CommonMark spec (0.31.2, 652 examples) through Galley's model. Each example is read
 * as a section body (Markdown -> model) and written back (model -> Markdown).
 *
 * The model cannot hold everything Markdown can: code blocks, raw HTML, relative links,
 * heading levels other than 3 and 4, loose lists, nested emphasis of one kind. The
 * importer reports whether it had to approximate anything (`exact`); that is the
 * predicate for "the model can represent this example". For every example it calls
 * exact, the Markdown written back must render (with the `commonmark` reference parser)
 * to the same HTML as the example itself, so a false "exact" fails the test. For every
 * example, exact or not, reading the written Markdown again must give the same body.
 */

// Examples covered when this was recorded; the test fails if fewer are covered.
const RECORDED = 302;

interface Example {
  markdown: string;
  number: number;
  section: string;
}

function loadExamples(): Example[] {
  const spec: unknown = createRequire(import.meta.url)('commonmark-spec');
  const tests = typeof spec === 'object' && spec !== null && 'tests' in spec ? spec.tests : null;
  if (!Array.isArray(tests) || !tests.every(isExample))
    throw new Error('commonmark-spec: no tests');
  // The spec writes tabs as → so they can be seen.
  return tests.map((t) => ({ ...t, markdown: t.markdown.replace(/→/g, '\t') }));
}

function isExample(value: unknown): value is Example {
  return (
    typeof value === 'object' &&
    value !== null &&
    'markdown' in value &&
    typeof value.markdown === 'string' &&
    'number' in value &&
    typeof value.number === 'number' &&
    'section' in value &&
    typeof value.section === 'string'
  );
}

const parser = new commonmark.Parser();
const renderer = new commonmark.HtmlRenderer();
// Galley's own comments render as HTML comments (invisible); whitespace between tags is not
// content.
const normalize = (html: string) =>
  html
    .replace(/<!-- galley:[^\n]*? -->/g, '')
    .replace(/\s+/g, ' ')
    .replace(/> </g, '><')
    .trim();
const render = (markdown: string) => normalize(renderer.render(parser.parse(markdown)));

describe('CommonMark spec through the model', () => {
  const examples = loadExamples();

  it('has all 652 examples', () => {
    expect(examples).toHaveLength(652);
  });

  it('renders every example the model can represent to the same HTML, and is stable on all', () => {
    let covered = 0;
    const falseExact: string[] = [];
    const unstable: number[] = [];
    for (const example of examples) {
      const imported = markdownToBody(example.markdown);
      const written = bodyToMarkdown(imported.body);
      if (JSON.stringify(markdownToBody(written).body) !== JSON.stringify(imported.body))
        unstable.push(example.number);
      if (!imported.exact) continue;
      if (render(written) === render(example.markdown)) covered += 1;
      else
        falseExact.push(
          `#${example.number} (${example.section}): ${JSON.stringify(example.markdown)} -> ${JSON.stringify(written)}`,
        );
    }
    console.log(
      `CommonMark spec: ${covered} of ${examples.length} examples representable and kept (recorded ${RECORDED}); all ${examples.length - unstable.length} stable`,
    );
    expect(falseExact).toEqual([]);
    expect(unstable).toEqual([]);
    expect(covered).toBeGreaterThanOrEqual(RECORDED);
  });
});
