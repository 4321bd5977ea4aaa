import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import {
  CODE_FONT_PX,
  CODE_PAD_X,
  codeLineColumns,
  type CodeBlockFields,
} from '../shared/codeBlock.ts';
import { CODE_TOKEN_COLORS, highlightCode } from '../shared/codeHighlight.ts';
import { utf8ByteLength } from '../shared/text.ts';
import type { EmailContext } from './context.ts';
import { box, table, row, text } from './hast.ts';
import { TOKEN_CLASS } from './codeBlockStyles.ts';
import { MONO_STACK, style } from './styles.ts';

/**
 * A code block in email: one table cell on the code background holding a `<pre><code>`
 * with a span per coloured token (inline colour from the light palette, plus a short class
 * that the head's dark-mode rules recolour). No web font: the system monospace stack.
 *
 * Long lines: web clients keep `white-space:pre` and scroll the block sideways
 * (`overflow-x:auto` on a wrapper div, inside a `table-layout:fixed` table so a long line
 * cannot widen the email). Outlook on Windows ignores overflow, so an Outlook-only head
 * rule (`CODE_MSO_CSS`, inside the existing `<!--[if mso]>` style) switches the block to
 * `pre-wrap` with `word-wrap:break-word`: its lines wrap at the cell edge instead of
 * pushing the 600 px table wider, and a Consolas font Word has instead of the stack it
 * cannot read. The head rules live in codeBlockStyles.ts.
 */

// A serialized line stays well under wrapLines' 800-byte soft limit: past this many bytes a
// newline goes into an empty comment (`<!--\n-->`), which `pre` does not show. A newline
// the line wrapper put in the code's own text would show as a line break.
const LINE_BUDGET = 600;
const PIECE_CHARS = 200;
// The markup a coloured token adds around its text: `<span class="gx-tkk" style="color:#000000"></span>`.
const SPAN_BYTES = 56;

/** The code block as email content; an empty block renders nothing. */
export function codeBlockEmail(fields: CodeBlockFields, ctx: EmailContext): ElementContent[] {
  if (fields.code === '') return [];
  const light = ctx.palette.light;
  // The code starts on a line of its own, after the long opening tags of its table and pre.
  const content: ElementContent[] = [{ type: 'comment', value: '\n' }];
  let bytes = 0;
  const push = (node: ElementContent, size: number) => {
    if (bytes + size > LINE_BUDGET && bytes > 0) {
      content.push({ type: 'comment', value: '\n' });
      bytes = 0;
    }
    content.push(node);
    bytes += size;
  };
  // Tabs become spaces to the next stop of four: few mail clients know tab-size, and a
  // tab eight columns wide pushes code off a phone.
  const code = expandTabs(fields.code);
  const codeLines = code.split('\n');
  const line0 = (i: number) => codeLines[i] ?? '';
  highlightCode(code, fields.language).forEach((line, index) => {
    if (index > 0) {
      // Whitespace at the end of a line of code stays, but not at the end of a line of
      // HTML (validators and some relays trim it): an empty comment closes the line.
      if (/[ \t]$/.test(line0(index - 1))) content.push({ type: 'comment', value: '' });
      content.push(text('\n'));
      bytes = 0;
    }
    for (const token of line) {
      for (const piece of pieces(token.text)) {
        const size = escapedBytes(piece);
        if (token.kind === null) push(text(piece), size);
        else
          push(
            h(
              'span',
              {
                className: [TOKEN_CLASS[token.kind]],
                style: `color:${CODE_TOKEN_COLORS.light[token.kind]}`,
              },
              [text(piece)],
            ),
            size + SPAN_BYTES,
          );
      }
    }
  });
  const pre = h(
    'pre',
    {
      className: ['gx-pre', 'gx-code'],
      dir: 'ltr',
      style: style(
        'margin:0',
        `padding:12px ${CODE_PAD_X}px`,
        `font-family:${MONO_STACK}`,
        `font-size:${CODE_FONT_PX}px`,
        'line-height:20px',
        'mso-line-height-rule:exactly',
        'white-space:pre',
        'word-break:normal',
        'text-align:left',
        `color:${light.text}`,
        `background-color:${light.code}`,
      ),
    },
    // `code` first: a newline right after `<pre>` would be dropped by the HTML parser.
    [h('code', { style: 'font-family:inherit;font-size:inherit' }, content)],
  );
  const cell = h(
    'td',
    {
      className: ['gx-code'],
      bgColor: light.code,
      style: style(`background-color:${light.code}`, 'border-radius:6px'),
    },
    [h('div', { style: 'overflow-x:auto;width:100%' }, [pre])],
  );
  return [
    box({ style: 'padding:4px 0 20px' }, [
      table({ width: '100%', style: 'table-layout:fixed;width:100%' }, [row(cell)]),
    ]),
  ];
}

// Cuts a long token into pieces at code point boundaries (never before a combining mark).
function pieces(value: string): string[] {
  if (value.length <= PIECE_CHARS) return [value];
  const out: string[] = [];
  let current = '';
  for (const ch of value) {
    if (current.length >= PIECE_CHARS && !/\p{M}/u.test(ch)) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  if (current !== '') out.push(current);
  return out;
}

function escapedBytes(value: string): number {
  return utf8ByteLength(value) + 4 * (value.match(/[&<>"]/g)?.length ?? 0);
}

/** `code` with each tab replaced by spaces up to the next multiple of four columns. */
export function expandTabs(code: string): string {
  if (!code.includes('\t')) return code;
  return code
    .split('\n')
    .map((line) => {
      let out = '';
      let col = 0;
      for (const ch of line) {
        if (ch === '\t') {
          const pad = 4 - (col % 4);
          out += ' '.repeat(pad);
          col += pad;
        } else {
          out += ch;
          col += codeLineColumns(ch);
        }
      }
      return out;
    })
    .join('\n');
}
