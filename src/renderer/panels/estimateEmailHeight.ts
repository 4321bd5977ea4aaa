// Calibrated on Galley's own email layout (16px body text, 32px card padding, 20px on a
// phone) against heights measured in Chromium: the sample edition lays out 7,525 px tall
// at 600 px and 10,834 px at 375 px; this gives 8,607 and 11,416.
const CHAR_WIDTH = 7.8;
const LINE_HEIGHT = 26;
const BLOCK_GAP = 14;
const CHROME = 360;

/**
 * About how tall an email lays out at `width` px, rounded up generously. A sandboxed
 * srcdoc frame cannot be measured, so the preview sizes its frame from this: too tall
 * leaves blank page below the footer, too short falls back to scrolling inside.
 */
export function estimateEmailHeight(html: string, width: number): number {
  const body = html
    .replace(/<head\b[\s\S]*?<\/head>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, '');
  const blocks = body.match(/<(p|h[1-6]|li|blockquote|hr|pre|td)\b/gi)?.length ?? 0;
  const text = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[#a-z0-9]+;/gi, 'x')
    .replace(/\s+/g, ' ');
  const padding = width <= 480 ? 40 : 64;
  const charsPerLine = Math.max(20, (width - padding) / CHAR_WIDTH);
  // Each block starts a fresh line: its last line is, on average, half empty.
  const lines = text.length / charsPerLine + blocks * 0.5;
  const images = [...body.matchAll(/<img\b[^>]*\bheight="?(\d+)/gi)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
  // 5% to spare: other systems' fonts run wider than the calibration's.
  return Math.ceil((CHROME + lines * LINE_HEIGHT + blocks * BLOCK_GAP + images) * 1.05);
}
