import type { SerializedBodyNode } from '../../src/core/index.ts';
import { el, text } from './bodyNodes.ts';
import type { Random } from './random.ts';

/** A code block in canonical form: `code` cut into text runs, tabs and line breaks. */
export function codeBlockNode(code: string, language = ''): SerializedBodyNode {
  const children: SerializedBodyNode[] = [];
  code.split('\n').forEach((line, i) => {
    if (i > 0) children.push({ type: 'linebreak', version: 1 });
    line.split('\t').forEach((run, j) => {
      if (j > 0) children.push({ type: 'tab', version: 1 });
      if (run !== '') children.push(text(run));
    });
  });
  return el('code-block', children, { language });
}

// Lines that mean something to Markdown, HTML, the galley comments or the highlighter.
const CODE_LINES = [
  'const x = 1;',
  '```',
  '````ts',
  '~~~',
  '    indented',
  '\tif (a) { return "s"; }',
  '## not a section',
  '<!-- galley:button -->',
  '<b>tag</b> &amp; &copy;',
  '# comment',
  '- not a list',
  '',
  '   ',
  'SELECT * FROM t WHERE id = 42; -- note',
  'fn main() { println!("日本語 🎉"); }',
  'x'.repeat(90),
];

/** A random code block: a language from the picker's list or none, 0 to 6 tricky lines. */
export function codeBlock(r: Random): SerializedBodyNode {
  const lines = Array.from({ length: r.int(0, 6) }, () => r.pick(CODE_LINES));
  const language = r.pick(['', 'ts', 'python', 'bash', 'json', 'html', 'sql', 'rust', 'diff']);
  return codeBlockNode(lines.join('\n'), language);
}
