/**
 * Where arrow-key navigation in a radio group or tab list moves from `current` among
 * `count` items (wrapping), or null when the key is not a navigation key. Both
 * orientations' arrows work: a narrow panel may wrap a row into a column.
 */
export function rovingIndex(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
