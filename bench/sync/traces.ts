import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type * as Y from 'yjs';
import { seededRandom } from './util.ts';

/**
 * The real traces come from the josephg/editing-traces data set
 * (https://github.com/josephg/editing-traces), provided under CC BY 4.0
 * (https://creativecommons.org/licenses/by/4.0/) by Joseph Gentle and contributors. The
 * licence asks for this attribution wherever the data is used, so every figure measured
 * on them carries it.
 */
export const TRACE_ATTRIBUTION =
  'from josephg/editing-traces (CC BY 4.0, Joseph Gentle and contributors)';

/** The real traces replayed, by file name without `.json.gz`. */
export const TRACE_NAMES = ['seph-blog1', 'automerge-paper'] as const;

/**
 * A sequential trace flattened for replay: patch k of every transaction lives at index k
 * of the parallel arrays, and positions are already UTF-16 code units (Y.Text's indexes),
 * so the timed loops do no conversion.
 */
export interface Trace {
  name: string;
  /** 'file': a josephg/editing-traces file; 'generated': the seeded stand-in. */
  source: 'file' | 'generated';
  endContent: string;
  /** Transaction i covers patches [txnEnd[i - 1] ?? 0, txnEnd[i]). */
  txnEnd: Int32Array;
  pos: Int32Array;
  del: Int32Array;
  ins: string[];
  /** True when no inserted text holds a surrogate pair (code points == UTF-16 units). */
  bmpOnly: boolean;
}

interface TraceFile {
  startContent: string;
  endContent: string;
  txns: Array<{ time?: string; patches: Array<[number, number, string]> }>;
}

/** Where the real traces are: `$GALLEY_TRACES`, else `<repo>/../shared/traces`. */
export function tracesDir(): string {
  const fromEnv = process.env.GALLEY_TRACES;
  if (fromEnv !== undefined && fromEnv !== '') return path.resolve(fromEnv);
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  return path.join(repoRoot, '..', 'shared', 'traces');
}

/**
 * The traces to replay: the real ones found on disk, or, when none is (Galley's users have
 * no ../shared), one generated trace so the bench still measures something.
 */
export function loadTraces(): Trace[] {
  const dir = tracesDir();
  const found: Trace[] = [];
  for (const name of TRACE_NAMES) {
    const file = path.join(dir, `${name}.json.gz`);
    if (!existsSync(file)) continue;
    const data = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as TraceFile;
    found.push(fromFile(name, data));
  }
  return found.length > 0 ? found : [generateTrace()];
}

function fromFile(name: string, data: TraceFile): Trace {
  const txns = data.txns.map((txn) => txn.patches);
  // A non-empty start is typed as a first transaction, so every replay begins from "".
  if (data.startContent.length > 0) txns.unshift([[0, 0, data.startContent]]);
  return flatten(name, 'file', txns, data.endContent);
}

/**
 * The stand-in trace: ~50,000 transactions of someone drafting prose. Mostly one
 * character typed at a cursor that moves on by itself, some backspaces, now and then a
 * jump elsewhere in the text, a deleted selection or a pasted word. Seeded, so every run
 * replays the same edits. ASCII only.
 */
export function generateTrace(txnCount = 50_000, seed = 0x6a11e7): Trace {
  const random = seededRandom(seed);
  const words = [
    'the',
    'edition',
    'newsletter',
    'readers',
    'this',
    'week',
    'we',
    'draft',
    'and',
    'of',
    'a',
    'section',
    'link',
    'story',
    'about',
    'local',
    'first',
    'editors',
    'sync',
    'in',
  ];
  // A gap buffer (text before the cursor, and after it reversed) keeps the generator
  // linear: edits happen at the cursor, and jumps are rare.
  const before: string[] = [];
  const after: string[] = [];
  const moveTo = (target: number) => {
    while (before.length > target) after.push(before.pop()!);
    while (before.length < target && after.length > 0) before.push(after.pop()!);
  };
  let pending = '';
  const txns: Array<Array<[number, number, string]>> = [];
  while (txns.length < txnCount) {
    const roll = random();
    const length = before.length + after.length;
    if (roll < 0.02 && length > 0) {
      moveTo(Math.floor(random() * (length + 1)));
      continue;
    }
    if (roll < 0.1 && before.length > 0) {
      const cursor = before.length;
      before.pop();
      txns.push([[cursor - 1, 1, '']]);
      continue;
    }
    if (roll < 0.105 && after.length > 8) {
      const count = 1 + Math.floor(random() * 8);
      after.splice(after.length - count, count);
      txns.push([[before.length, count, '']]);
      continue;
    }
    if (roll < 0.11) {
      const pasted = `${words[Math.floor(random() * words.length)]!} `;
      txns.push([[before.length, 0, pasted]]);
      before.push(...pasted);
      continue;
    }
    if (pending === '')
      pending = `${words[Math.floor(random() * words.length)]!}${random() < 0.1 ? '.\n' : ' '}`;
    const char = pending[0]!;
    pending = pending.slice(1);
    txns.push([[before.length, 0, char]]);
    before.push(char);
  }
  const endContent = before.join('') + after.reverse().join('');
  return flatten(`generated-${txnCount / 1000}k`, 'generated', txns, endContent);
}

/** Flattens transactions into parallel arrays, converting code points to UTF-16 units. */
function flatten(
  name: string,
  source: Trace['source'],
  txns: Array<Array<[number, number, string]>>,
  endContent: string,
): Trace {
  const patchCount = txns.reduce((sum, patches) => sum + patches.length, 0);
  const txnEnd = new Int32Array(txns.length);
  const pos = new Int32Array(patchCount);
  const del = new Int32Array(patchCount);
  const ins: string[] = new Array<string>(patchCount);
  const units = new CodeUnitMap();
  let k = 0;
  txns.forEach((patches, i) => {
    for (const [at, count, text] of patches) {
      const [unitPos, unitDel] = units.apply(at, count, text);
      pos[k] = unitPos;
      del[k] = unitDel;
      ins[k] = text;
      k++;
    }
    txnEnd[i] = k;
  });
  return { name, source, endContent, txnEnd, pos, del, ins, bmpOnly: units.bmpOnly };
}

/**
 * Maps code-point positions of the evolving document to UTF-16 positions. It tracks only
 * where astral characters (two UTF-16 units) sit, so for a BMP-only trace (the real ones
 * are) the map stays empty and every position passes through unchanged.
 */
class CodeUnitMap {
  /** Code-point positions of the astral characters currently in the document, ascending. */
  private astral: number[] = [];
  bmpOnly = true;

  /** Applies one patch; returns its position and delete count in UTF-16 units. */
  apply(at: number, count: number, text: string): [number, number] {
    const start = at + this.countBelow(at);
    const end = at + count + this.countBelow(at + count);
    if (this.astral.length > 0 || /[\uD800-\uDFFF]/.test(text)) {
      this.update(at, count, text);
    }
    return [start, end - start];
  }

  private update(at: number, count: number, text: string): void {
    const points = [...text];
    const inserted: number[] = [];
    points.forEach((point, i) => {
      if (point.length === 2) inserted.push(at + i);
    });
    if (inserted.length > 0) this.bmpOnly = false;
    const kept = this.astral
      .filter((p) => p < at || p >= at + count)
      .map((p) => (p < at ? p : p - count + points.length));
    this.astral = [...kept.filter((p) => p < at), ...inserted, ...kept.filter((p) => p >= at)];
  }

  /** How many astral characters sit at code-point positions below `at`. */
  private countBelow(at: number): number {
    let low = 0;
    let high = this.astral.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.astral[mid]! < at) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Applies transaction `i` of the trace to `text` (inside the caller's transaction). */
export function applyTxn(trace: Trace, text: Y.Text, i: number): void {
  const { txnEnd, pos, del, ins } = trace;
  for (let k = i === 0 ? 0 : txnEnd[i - 1]!; k < txnEnd[i]!; k++) {
    const at = pos[k]!;
    if (del[k]! > 0) text.delete(at, del[k]!);
    const insert = ins[k]!;
    if (insert.length > 0) text.insert(at, insert);
  }
}

/** Number of transactions in the trace. */
export function txnCount(trace: Trace): number {
  return trace.txnEnd.length;
}
