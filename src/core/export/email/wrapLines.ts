import { utf8ByteLength } from '../shared/text.ts';

/**
 * Breaks lines that are too long for mail (RFC 5322 allows 998 bytes; relays break
 * longer ones anywhere, even inside a tag) at places where a newline changes nothing:
 * a space in text, a space between a tag's attributes, a space inside `alt`/`title`.
 * A long run of text without spaces gets an empty comment carrying the newline
 * (`<!--\n-->`), never between characters that combine. Input is hast-util-to-html
 * output: attribute values always in double quotes.
 */
export function wrapLongLines(html: string, limit = SOFT_LIMIT): string {
  // Line by line: every newline the serializer writes sits in text or between elements,
  // so each long line starts in the text state (style, title and comment lines are short).
  const lines = html.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > limit / 4 && utf8ByteLength(line) > limit) {
      lines[i] = new LineWrapper(line, limit).run();
      changed = true;
    }
  }
  return changed ? lines.join('\n') : html;
}

/** Break before a line reaches this many bytes, leaving room under 998. */
export const SOFT_LIMIT = 800;

type State = 'text' | 'tag' | 'attr' | 'raw' | 'entity';

// Never put a comment next to these: they combine with the character before or after
// (marks, joiners, variation selectors, skin tones, flags, tag characters).
const MARK = /\p{M}/u;
const JOINING_RANGES: Array<[number, number]> = [
  [0x200c, 0x200d],
  [0xfe00, 0xfe0f],
  [0x1f1e6, 0x1f1ff],
  [0x1f3fb, 0x1f3ff],
  [0xe0020, 0xe007f],
  [0xe0100, 0xe01ef],
];

function isJoining(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x300) return false;
  return MARK.test(ch) || JOINING_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);
}

const BREAKABLE_ATTRS = new Set(['alt', 'title']);
const RAW_TEXT = new Set(['style', 'title']);

class LineWrapper {
  private out: string[] = [];
  private lineBytes = 0;
  /** A space in text (or in alt/title): the best place for a newline. */
  private lastSpace = -1;
  /** A space between attributes: equivalent, but tools that reserialize (juice) undo it. */
  private lastTagSpace = -1;
  private lastGap = -1;
  private state: State = 'text';
  private tagName = '';
  private tagIsEnd = false;
  private readingName = false;
  private word = '';
  private attrName = '';
  private rawTag = '';

  constructor(
    private readonly html: string,
    private readonly limit: number,
  ) {}

  run(): string {
    const { html } = this;
    let i = 0;
    while (i < html.length) {
      if (this.state === 'text' && html.startsWith('<!--', i)) {
        // Comments (Outlook conditionals) are fixed strings: copy them whole.
        const end = html.indexOf('-->', i);
        const stop = end === -1 ? html.length : end + 3;
        this.push(html.slice(i, stop), false);
        i = stop;
        continue;
      }
      const ch = String.fromCodePoint(html.codePointAt(i)!);
      const before = this.state;
      this.step(ch, i);
      const canGap =
        before === 'text' &&
        this.state === 'text' &&
        ch !== ' ' &&
        !isJoining(ch) &&
        this.prevIsPlainText();
      this.push(ch, canGap);
      i += ch.length;
    }
    return this.out.join('');
  }

  private prevIsPlainText(): boolean {
    const prev = this.out[this.out.length - 1];
    return prev !== undefined && prev.length <= 2 && !/[\s<>;]/.test(prev) && !isJoining(prev);
  }

  /** Advances the state machine over `ch` and records a space that may become a newline. */
  private step(ch: string, i: number): void {
    const { html } = this;
    switch (this.state) {
      case 'text':
        if (ch === '<' && /[A-Za-z/!]/.test(html[i + 1] ?? '')) {
          this.state = 'tag';
          this.tagIsEnd = html[i + 1] === '/';
          this.tagName = '';
          this.readingName = true;
          this.word = '';
        } else if (ch === '&') this.state = 'entity';
        else if (ch === ' ') this.lastSpace = this.out.length;
        return;
      case 'entity':
        if (!/[A-Za-z0-9#]/.test(ch)) this.state = 'text';
        return;
      case 'tag':
        if (ch === '"') {
          this.state = 'attr';
          this.attrName = this.word.replace(/=$/, '').toLowerCase();
        } else if (ch === '>') {
          const name = this.tagName.toLowerCase();
          this.state = !this.tagIsEnd && RAW_TEXT.has(name) ? 'raw' : 'text';
          this.rawTag = name;
        } else if (/\s/.test(ch)) {
          this.readingName = false;
          this.word = '';
          if (ch === ' ') this.lastTagSpace = this.out.length;
        } else {
          if (this.readingName && ch !== '/') this.tagName += ch;
          this.word += ch;
        }
        return;
      case 'attr':
        if (ch === '"') {
          this.state = 'tag';
          this.word = '';
        } else if (ch === ' ' && BREAKABLE_ATTRS.has(this.attrName))
          this.lastSpace = this.out.length;
        return;
      case 'raw':
        if (
          ch === '<' &&
          html.slice(i, i + 2 + this.rawTag.length).toLowerCase() === `</${this.rawTag}`
        ) {
          this.state = 'tag';
          this.tagIsEnd = true;
          this.tagName = '';
          this.readingName = true;
          this.word = '';
        } else if (ch === ' ' && this.rawTag === 'title') this.lastSpace = this.out.length;
        return;
    }
  }

  private push(piece: string, canGap: boolean): void {
    if (canGap) this.lastGap = this.out.length;
    this.out.push(piece);
    const newline = piece.lastIndexOf('\n');
    if (newline !== -1) {
      this.lineBytes = utf8ByteLength(piece.slice(newline + 1));
      this.lastSpace = -1;
      this.lastTagSpace = -1;
      this.lastGap = -1;
      return;
    }
    this.lineBytes += utf8ByteLength(piece);
    if (this.lineBytes > this.limit) this.breakLine();
  }

  private breakLine(): void {
    const space = this.lastSpace >= 0 ? this.lastSpace : this.lastTagSpace;
    if (space >= 0) {
      this.out[space] = '\n';
      for (const key of ['lastSpace', 'lastTagSpace', 'lastGap'] as const)
        if (this[key] <= space) this[key] = -1;
      this.lineBytes = this.bytesAfter(space);
    } else if (this.lastGap >= 0) {
      const at = this.lastGap;
      this.out[at] = `<!--\n-->${this.out[at]!}`;
      this.lastGap = -1;
      this.lineBytes = 3 + this.bytesAfter(at - 1);
    }
  }

  private bytesAfter(index: number): number {
    let bytes = 0;
    for (let j = index + 1; j < this.out.length; j++) bytes += utf8ByteLength(this.out[j]!);
    return bytes;
  }
}
