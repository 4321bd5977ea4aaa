/** A stretch of a text diff: kept, added in the newer text, or gone from the older one. */
export interface TextChange {
  kind: 'same' | 'insert' | 'delete';
  text: string;
  /** Where `text` starts in the text it comes from (the newer one for same and insert). */
  at: number;
}

// Words, runs of spaces, and single punctuation marks: a changed comma does not mark the
// word before it as changed, and a changed word does not swallow its spaces.
const TOKEN = /\s+|[\p{L}\p{N}\p{M}_'’-]+|[^\s\p{L}\p{N}\p{M}_'’-]/gu;

/** Splits text into the tokens diffText compares. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * A word-level diff of two texts (Myers' O(ND) algorithm over tokens, after trimming the
 * common head and tail): the runs of the newer text that are kept or inserted, and the
 * runs of the older text that were deleted, in reading order, deletions before the
 * insertions that replace them.
 */
export function diffText(before: string, after: string): TextChange[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const ops: Array<'same' | 'insert' | 'delete'> = [];
  for (let i = 0; i < head; i++) ops.push('same');
  ops.push(...myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail)));
  for (let i = 0; i < tail; i++) ops.push('same');

  const out: TextChange[] = [];
  let ia = 0;
  let ib = 0;
  let atA = 0;
  let atB = 0;
  for (const op of ops) {
    const token = op === 'insert' ? b[ib]! : a[ia]!;
    const at = op === 'delete' ? atA : atB;
    const last = out.at(-1);
    if (last?.kind === op) last.text += token;
    else out.push({ kind: op, text: token, at });
    if (op !== 'insert') {
      ia++;
      atA += token.length;
    }
    if (op !== 'delete') {
      ib++;
      atB += token.length;
    }
  }
  return out;
}

const MAX_TRACE = 20_000_000;

/** The edit script from a to b: 'same' keeps a token, 'delete' drops a[i], 'insert' adds b[j]. */
function myers(a: string[], b: string[]): Array<'same' | 'insert' | 'delete'> {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  if (max === 0) return [];
  const offset = max;
  let v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    // A huge rewrite would keep too many traces: call it one replacement instead.
    if (d * v.length > MAX_TRACE)
      return [...a.map(() => 'delete' as const), ...b.map(() => 'insert' as const)];
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  // Walk the trace back from (n, m) to (0, 0).
  const ops: Array<'same' | 'insert' | 'delete'> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('same');
      x--;
      y--;
    }
    if (d === 0) break;
    if (down) {
      ops.push('insert');
      y--;
    } else {
      ops.push('delete');
      x--;
    }
  }
  return ops.reverse();
}
