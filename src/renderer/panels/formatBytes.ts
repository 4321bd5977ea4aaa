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
