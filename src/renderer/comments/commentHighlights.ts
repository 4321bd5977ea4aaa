/**
 * Paints comment anchors with the CSS Custom Highlight API (as codeHighlighting does for
 * code): the document never changes for a highlight, so two co-editors each paint their
 * own view and no highlight ever becomes an edit. Open threads are `ge-comment`, the one
 * being looked at `ge-comment-active` (styled in comments.css). The registry is per page;
 * each section editor owns a painter and swaps only its own ranges.
 */
export const COMMENT_HIGHLIGHT = 'ge-comment';
export const ACTIVE_COMMENT_HIGHLIGHT = 'ge-comment-active';

function highlight(name: string): Highlight | null {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function')
    return null;
  let found = CSS.highlights.get(name);
  if (!found) {
    found = new Highlight();
    // Above the editor's own highlights (code colours), below the text selection.
    found.priority = 1;
    CSS.highlights.set(name, found);
  }
  return found;
}

/** One editor's painted comment ranges, by thread id. */
export class CommentPainter {
  private ranges = new Map<string, { range: Range; active: boolean }>();

  /** Replaces this editor's ranges with `next`; `active` is the looked-at thread. */
  paint(next: Map<string, Range>, active: string | null): void {
    this.clear();
    for (const [threadId, range] of next) {
      const isActive = threadId === active;
      highlight(isActive ? ACTIVE_COMMENT_HIGHLIGHT : COMMENT_HIGHLIGHT)?.add(range);
      this.ranges.set(threadId, { range, active: isActive });
    }
  }

  /** The thread whose range holds the DOM point, or null. */
  threadAt(node: Node, offset: number): string | null {
    for (const [threadId, { range }] of this.ranges) {
      try {
        if (range.isPointInRange(node, offset)) return threadId;
      } catch {
        // A point in another document or a doctype: not in any range.
      }
    }
    return null;
  }

  /** The painted range of a thread, if any. */
  rangeOf(threadId: string): Range | null {
    return this.ranges.get(threadId)?.range ?? null;
  }

  /** Removes every range this painter added. */
  clear(): void {
    for (const { range, active } of this.ranges.values())
      highlight(active ? ACTIVE_COMMENT_HIGHLIGHT : COMMENT_HIGHLIGHT)?.delete(range);
    this.ranges.clear();
  }
}
