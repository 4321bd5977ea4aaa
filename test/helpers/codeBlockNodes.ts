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

/** Code samples a tech newsletter shows, one per highlighted language, plus the hard cases. */
export const CODE_SAMPLES: Array<{ language: string; code: string }> = [
  {
    language: 'ts',
    code: 'export async function load(id: string): Promise<Edition> {\n\tconst row = await db.get(id); // cached\n\treturn restoreEdition(row ?? { title: "Untitled" });\n}',
  },
  { language: 'python', code: 'def greet(name: str) -> str:\n    return f"Hello, {name}!"  # 42' },
  { language: 'bash', code: '#!/usr/bin/env bash\nnpm run build && echo "done" > out.log' },
  { language: 'json', code: '{ "name": "galley", "version": 1, "ok": true }' },
  { language: 'html', code: '<a href="https://example.com" class="x">link &amp; more</a>' },
  { language: 'sql', code: "SELECT id, title FROM editions WHERE status = 'ready' LIMIT 10;" },
  { language: 'diff', code: '- const a = 1;\n+ const a = 2;\n  unchanged' },
  { language: 'yaml', code: 'name: galley\nsteps:\n  - run: npm test' },
  { language: 'go', code: 'func main() {\n\tfmt.Println("hi")\n}' },
  { language: 'rust', code: 'fn main() { let v: Vec<u8> = vec![1, 2]; }' },
  { language: 'css', code: '.card { color: #1f2328; padding: 8px; }' },
  { language: '', code: 'plain text with ``` inside\n\n\n' },
];
