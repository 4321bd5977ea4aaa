import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import mjml2html from 'mjml';
import * as Y from 'yjs';
import { renderFormat, saveProfile } from '../src/backend/export/exportEdition.ts';
import { Hub } from '../src/backend/hub/Hub.ts';
import { openBackend } from '../src/backend/openBackend.ts';
import { sectionRoom } from '../src/core/model/rooms.ts';
import { renderEmail } from '../src/core/export/email/renderEmail.ts';
import { restoreProfile } from '../src/core/export/shared/profile.ts';
import { renderText } from '../src/core/export/text/renderText.ts';
import { restoreEdition } from '../src/core/model/restoreEdition.ts';
import { editionWordCount } from '../src/core/model/text.ts';
import type { PublicationProfile } from '../src/core/export/shared/profile.ts';
import type { Edition, SerializedBodyNode } from '../src/core/model/types.ts';
import { seededRandom } from '../test/helpers/random.ts';
import type { BenchReport, BenchResult } from './types.ts';
import { benchBlocks } from './benchBlocks.ts';
import { benchTable } from './benchTable.ts';

/**
 * Exporting a realistic long edition (10,000 words in 20 sections: every section kind,
 * formatted text, links, lists, quotes, images, buttons, dividers) to email, plain text
 * and (when the Markdown exporter exists) Markdown; and, in the same run, compiling the
 * same content written as MJML with `mjml`, the usual tool for this job. Then the live
 * preview's case: the same edition in a real backend (SQLite file, hub), one keystroke
 * typed into one section's doc, and all three formats rendered again through the API's
 * path (`editions.get`, then `renderFormat` with the shared render cache).
 */

const GROUP = 'Export';
const RUNS = 20;
const WORDS = 10_000;
const SECTIONS = 20;

const VOCABULARY = (
  'the pipeline build cache runner shard test deploy merge branch commit review latency ' +
  'minute team owner config graph path step queue worker metric dashboard alert release ' +
  'service database index query schema migration feature flag rollout incident report ' +
  'because while after before during without across between every each most fewer'
).split(' ');

/**
 * The benchmark edition: deterministic for a seed. With `blocks` (the default) it also
 * holds issue 12's content blocks: two tables, code blocks, a callout, embeds and an HTML
 * card; without, the edition the earlier figures were measured on.
 */
export function editionOfWords(seed: number, blocks = true): Edition {
  const { pick } = seededRandom(seed);
  const words = (n: number) => Array.from({ length: n }, () => pick(VOCABULARY)).join(' ');
  const text = (value: string, format = 0) => ({ type: 'text', text: value, format });
  const inline = (n: number) => [
    text(`${words(Math.ceil(n / 2))} `),
    text(words(3), pick([1, 2, 16])),
    text(' '),
    {
      type: 'link',
      url: `https://news.example.org/${words(2).replace(/ /g, '-')}`,
      children: [text(words(3))],
    },
    text(` ${words(Math.max(1, Math.floor(n / 2) - 6))}.`),
  ];
  const paragraph = (n: number) => ({ type: 'paragraph', children: inline(n) });
  const perSection = WORDS / SECTIONS - 8;
  const storyBody = (i: number): SerializedBodyNode[] =>
    [
      paragraph(90),
      { type: 'heading', tag: 'h3', children: [text(words(5))] },
      paragraph(110),
      {
        type: 'list',
        listType: i % 2 ? 'number' : 'bullet',
        children: [1, 2, 3].map(() => ({ type: 'listitem', children: inline(20) })),
      },
      { type: 'quote', children: [text(words(40))] },
      // Two comparison tables in the edition (issue 12).
      ...(blocks && (i === 3 || i === 14) ? [benchTable(words, 6, 4)] : []),
      ...(blocks ? benchBlocks(words, i) : []),
      {
        type: 'image',
        src: `https://images.example.org/${i}.png`,
        alt: words(6),
        width: 560,
        caption: words(10),
      },
      paragraph(perSection - 90 - 110 - 60 - 40 - 10 - 5 - 6 + 7),
      { type: 'horizontalrule' },
      { type: 'button', label: 'Read more', url: `https://news.example.org/story/${i}` },
    ] as SerializedBodyNode[];
  const sections = Array.from({ length: SECTIONS }, (_, i) => {
    const base = {
      id: `s${i}`,
      title: words(4),
      body: { root: { type: 'root', children: storyBody(i) } },
    };
    if (i === 0) return { ...base, kind: 'intro', agenda: 'auto' };
    if (i === 5)
      return {
        ...base,
        kind: 'sponsor',
        sponsor: 'Acme',
        url: 'https://acme.example.org',
        cta: 'Try Acme',
        disclosure: 'Acme paid for this.',
      };
    if (i === 12)
      return {
        ...base,
        kind: 'poll',
        question: words(8),
        options: ['One', 'Two', 'Three'],
        voteUrl: 'https://vote.example.org/p',
      };
    if (i === SECTIONS - 1)
      return {
        ...base,
        kind: 'feedback',
        prompt: words(5),
        choices: ['Great', 'Fine', 'Meh'],
        voteUrl: 'https://vote.example.org/f',
      };
    return { ...base, kind: 'story' };
  });
  return restoreEdition({
    id: 'bench',
    title: words(6),
    subject: words(8),
    preheader: words(15),
    number: 1,
    publishDate: '2026-01-01',
    sections,
  });
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inlineHtml(nodes: SerializedBodyNode[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'link')
        return `<a href="${escape(String(n.url))}">${inlineHtml(n.children ?? [])}</a>`;
      const value = escape(String(n.text ?? ''));
      const format = Number(n.format ?? 0);
      return format & 16
        ? `<code>${value}</code>`
        : format & 1
          ? `<b>${value}</b>`
          : format & 2
            ? `<i>${value}</i>`
            : value;
    })
    .join('');
}

/** The same edition as an MJML document: text blocks in mj-text, images, buttons, dividers. */
function toMjml(edition: Edition): string {
  const out: string[] = [
    `<mjml><mj-head><mj-title>${escape(edition.subject)}</mj-title><mj-preview>${escape(edition.preheader)}</mj-preview></mj-head><mj-body width="600px">`,
  ];
  out.push(
    `<mj-section><mj-column><mj-text><h1>${escape(edition.title)}</h1></mj-text></mj-column></mj-section>`,
  );
  for (const section of edition.sections) {
    out.push('<mj-section><mj-column>');
    let text = `<h2>${escape(section.title)}</h2>`;
    const flush = () => {
      if (text) out.push(`<mj-text>${text}</mj-text>`);
      text = '';
    };
    for (const block of section.body.root.children) {
      const children = block.children ?? [];
      if (block.type === 'paragraph') text += `<p>${inlineHtml(children)}</p>`;
      else if (block.type === 'heading') text += `<h3>${inlineHtml(children)}</h3>`;
      else if (block.type === 'quote') text += `<blockquote>${inlineHtml(children)}</blockquote>`;
      else if (block.type === 'list') {
        const tag = block.listType === 'number' ? 'ol' : 'ul';
        text += `<${tag}>${children.map((li) => `<li>${inlineHtml(li.children ?? [])}</li>`).join('')}</${tag}>`;
      } else {
        flush();
        if (block.type === 'image')
          out.push(
            `<mj-image src="${escape(String(block.src))}" alt="${escape(String(block.alt))}" width="${Number(block.width)}px"></mj-image><mj-text><p>${escape(String(block.caption))}</p></mj-text>`,
          );
        if (block.type === 'horizontalrule') out.push('<mj-divider></mj-divider>');
        if (block.type === 'button')
          out.push(
            `<mj-button href="${escape(String(block.url))}">${escape(String(block.label))}</mj-button>`,
          );
      }
    }
    flush();
    if (section.kind === 'sponsor')
      out.push(
        `<mj-button href="${escape(section.url)}">${escape(section.cta)}</mj-button><mj-text>${escape(section.disclosure)}</mj-text>`,
      );
    if (section.kind === 'poll' || section.kind === 'feedback') {
      const options = section.kind === 'poll' ? section.options : section.choices;
      out.push(
        `<mj-text>${options.map((o, i) => `<p><a href="${escape(`${section.voteUrl}?poll=${section.id}&choice=${i + 1}`)}">${escape(o)}</a></p>`).join('')}</mj-text>`,
      );
    }
    out.push('</mj-column></mj-section>');
  }
  out.push(
    '<mj-section><mj-column><mj-text>Footer <a href="{{unsubscribe_url}}">Unsubscribe</a></mj-text></mj-column></mj-section></mj-body></mjml>',
  );
  return out.join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function medianMs(task: () => unknown): Promise<number> {
  return median(await timesMs(task));
}

async function timesMs(task: () => unknown, before: () => unknown = () => {}): Promise<number[]> {
  const times: number[] = [];
  // Five unmeasured runs first: the first ones also compile the code paths (JIT).
  for (let i = -5; i < RUNS; i++) {
    await before();
    const start = performance.now();
    await task();
    if (i >= 0) times.push(performance.now() - start);
  }
  return times;
}

function distribution(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const ms = (n: number) => n.toFixed(2);
  return `min ${ms(sorted[0]!)}, p25 ${ms(at(0.25))}, median ${ms(at(0.5))}, p75 ${ms(at(0.75))}, max ${ms(sorted.at(-1)!)} ms`;
}

/**
 * Re-export after one keystroke, through the API's code path: the edition written into a
 * real backend (temp SQLite file, a hub as the DocHost with its room notices wired as
 * `galley serve` wires them), the cache warmed by one render, then per run one character
 * typed into one section's body doc (untimed) and `editions.get` plus email, Markdown and
 * text rendered (timed).
 */
async function keystrokeTimes(edition: Edition, profile: PublicationProfile): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'galley-bench-export-'));
  const late: { roomChanged?: (room: string) => void } = {};
  let hub!: Hub;
  const backend = await openBackend(join(dir, 'bench.db'), {
    host: (store) =>
      (hub = new Hub({
        store,
        auth: { tokens: ['bench'] },
        pingIntervalMs: 0,
        log: () => {},
        onRoomUpdate: (room) => late.roomChanged?.(room),
      })),
  });
  try {
    const { editions } = backend;
    late.roomChanged = (room) => editions.roomChanged(room);
    await saveProfile(backend.store, profile);
    const id = (await editions.write(edition)).id;
    const sectionId = (await editions.get(id)).sections[7]!.id;
    const renderAll = async () => {
      const current = await editions.get(id);
      const out: string[] = [];
      for (const format of ['email', 'markdown', 'text'] as const)
        out.push((await renderFormat(editions, current, format)).content);
      return out;
    };
    let typed = 0;
    const keystroke = () =>
      hub.change(sectionRoom(sectionId), (doc) => {
        // The first paragraph's XmlText: a text node's properties, then its characters.
        const root = doc.get('root', Y.XmlText);
        const first = root.toDelta()[0]?.insert;
        if (!(first instanceof Y.XmlText)) throw new Error('keystroke: no paragraph to type in');
        first.insert(1 + typed, 'q');
        typed += 1;
      });
    await renderAll();
    const before = (await renderAll())[2]!;
    await keystroke();
    if ((await renderAll())[2] === before)
      throw new Error('keystroke: the text export did not change');
    return await timesMs(renderAll, keystroke);
  } finally {
    await hub.close();
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

type MarkdownRenderer = (edition: Edition) => string;

async function loadMarkdown(): Promise<MarkdownRenderer | null> {
  const file = join(import.meta.dirname, '..', 'src', 'core', 'export', 'markdown', 'index.ts');
  if (!existsSync(file)) return null;
  const module: unknown = await import(pathToFileURL(file).href);
  if (
    typeof module === 'object' &&
    module !== null &&
    'renderMarkdown' in module &&
    typeof module.renderMarkdown === 'function'
  ) {
    const render = module.renderMarkdown;
    return (edition) => String(render(edition));
  }
  return null;
}

/** Runs the export benchmarks, reporting each figure as soon as it is measured. */
export async function run(report: BenchReport = () => {}): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const add = (figure: Omit<BenchResult, 'group'>) => {
    const result = { group: GROUP, ...figure };
    results.push(result);
    report(result);
  };
  const edition = editionOfWords(42);
  const profile = restoreProfile({
    name: 'Bench Weekly',
    accentColor: '#1a56db',
    postalAddress: '1 Bench Road',
    defaultVoteUrl: 'https://vote.example.org/d',
  });
  const words = editionWordCount(edition);
  const markdown = await loadMarkdown();
  const shape = `${words.toLocaleString('en-US')} words, ${edition.sections.length} sections`;

  const allTimes = await timesMs(() => {
    renderEmail(edition, profile);
    renderText(edition, profile);
    markdown?.(edition);
  });
  add({
    figure: `export a ${shape} edition`,
    value: median(allTimes),
    unit: 'ms',
    target: '≤ 30',
    note: `cold (no cache): email + plain text${markdown ? ' + Markdown' : ''}; with two tables, nine code blocks, a callout, three embeds, an HTML card, a quote of several blocks, a list of steps with code and inline HTML; median of ${RUNS} (${distribution(allTimes)})${markdown ? '' : '; Markdown not included: src/core/export/markdown/index.ts does not export renderMarkdown yet'}`,
  });
  // The same edition without the content blocks, measured in the same run: the old figure.
  const classic = editionOfWords(42, false);
  const classicTimes = await timesMs(() => {
    renderEmail(classic, profile);
    renderText(classic, profile);
    markdown?.(classic);
  });
  add({
    figure: `... the same without the content blocks (${editionWordCount(classic).toLocaleString('en-US')} words)`,
    value: median(classicTimes),
    unit: 'ms',
    note: `the edition earlier runs measured (no tables, code, callout, embeds or HTML card), same run; median of ${RUNS} (${distribution(classicTimes)})`,
  });
  const email = await medianMs(() => renderEmail(edition, profile));
  const { html } = renderEmail(edition, profile);
  add({
    figure: '... of which email HTML',
    value: email,
    unit: 'ms',
    note: `median of ${RUNS}; ${html.length.toLocaleString('en-US')} bytes of HTML`,
  });
  add({
    figure: '... of which plain text',
    value: await medianMs(() => renderText(edition, profile)),
    unit: 'ms',
    note: `median of ${RUNS}`,
  });
  if (markdown)
    add({
      figure: '... of which Markdown',
      value: await medianMs(() => markdown(edition)),
      unit: 'ms',
      note: `median of ${RUNS}`,
    });

  const keystroke = await keystrokeTimes(edition, profile);
  add({
    figure: `re-export after one keystroke, ${(Math.round(words / 1000) * 1000).toLocaleString('en-US')} words`,
    value: median(keystroke),
    unit: 'ms',
    target: '≤ 5',
    note: `email + Markdown + plain text through the API's path (editions.get, renderFormat) on a real backend (SQLite file, hub), render cache warm, one character typed into one section's doc before each run; median of ${RUNS} (${distribution(keystroke)})`,
  });

  const source = toMjml(edition);
  const compiled = await mjml2html(source, { validationLevel: 'soft' });
  const mjmlMs = await medianMs(() => mjml2html(source, { validationLevel: 'soft' }));
  add({
    figure: `compile the same content written as MJML (mjml 5)`,
    value: mjmlMs,
    unit: 'ms',
    note: `median of ${RUNS}; ${source.length.toLocaleString('en-US')} bytes of MJML -> ${compiled.html.length.toLocaleString('en-US')} bytes of HTML`,
  });
  add({
    figure: 'email export time / MJML compile time',
    value: email / mjmlMs,
    unit: '×',
    note:
      email < mjmlMs
        ? 'below 1: the exporter is faster than compiling MJML'
        : 'at or above 1: the exporter is slower than compiling MJML',
  });
  return results;
}
