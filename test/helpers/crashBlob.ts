import { seededRandom } from './random.ts';

/**
 * The bytes the crash-test writer appends as update `seq`: sized like Yjs updates
 * (mostly a keystroke's 20-300 bytes, sometimes a paste of kilobytes, rarely an image-
 * sized block that spills over several SQLite pages) and derived from `seq` alone, so the
 * test can check every byte that survived a kill.
 */
export function crashBlob(seq: number): Uint8Array {
  const random = seededRandom(seq * 2654435761);
  const roll = random.next();
  const size =
    roll < 0.9
      ? random.int(20, 300)
      : roll < 0.99
        ? random.int(301, 8_000)
        : random.int(8_001, 64_000);
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) bytes[i] = Math.floor(random.next() * 256);
  return bytes;
}

/** The text the compaction crash-test child has typed once the room holds `length` characters. */
export function crashText(length: number): string {
  const line = 'Every keystroke is on disk before anyone sees it, compaction or not. ';
  return line.repeat(Math.ceil(length / line.length)).slice(0, length);
}
