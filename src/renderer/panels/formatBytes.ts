/** Bytes of a string once encoded as UTF-8 (what a mail server counts). */
export function utf8ByteLength(text: string): number {
  // Counted, not encoded: the email is 150 KB and the preview asks on every refresh.
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) {
      bytes += 1;
      continue;
    }
    // The rest of the BMP is 3 bytes, and so is a lone surrogate (encoded as U+FFFD); a
    // surrogate pair is 4 bytes for its 2 code units.
    bytes += 2;
    const next = text.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
  }
  return bytes;
}

/**
 * A byte count for people: "812 bytes", "48.2 KB", "1.3 MB". 1 KB is 1,000 bytes, as
 * in the core's size limits, so "102 KB" here means what Gmail's clip limit means there.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const [value, unit] = bytes < 1_000_000 ? [bytes / 1000, 'KB'] : [bytes / 1_000_000, 'MB'];
  // One decimal while it tells something (9.5 KB), none once it is noise (102 KB).
  const digits = value < 100 ? 1 : 0;
  return `${trimZero(value.toFixed(digits))} ${unit}`;
}

function trimZero(fixed: string): string {
  return fixed.endsWith('.0') ? fixed.slice(0, -2) : fixed;
}
