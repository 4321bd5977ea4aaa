import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import type { Binding } from '@lexical/yjs';
import {
  $createRangeSelection,
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  BLUR_COMMAND,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  createCommand,
  KEY_DOWN_COMMAND,
  type LexicalCommand,
} from 'lexical';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { resolveAnchor, type CommentThread } from '../../core/index.ts';
import { useOptionalEditorServices } from '../editor/EditorServices.ts';
import { matchesShortcut, shortcutLabel, SHORTCUTS } from '../editor/shortcuts.ts';
import {
  $anchorDomRange,
  $anchorPoints,
  $draftFromDomSelection,
  $draftFromSelection,
} from './commentAnchors.ts';
import { CommentIcon } from './CommentIcon.tsx';
import { CommentPainter } from './commentHighlights.ts';
import { useCommentsContext, useCommentsSnapshot } from './CommentsContext.ts';
import type { AnchorStatus } from './CommentsStore.ts';
import './comments.css';

/** Starts a comment on the selected text (toolbar button, Ctrl+Alt+M, the floating button). */
export const ADD_COMMENT_COMMAND: LexicalCommand<void> = createCommand('ADD_COMMENT_COMMAND');

/** Anchor positions are re-read at most this often while someone types. */
const STATUS_EVERY_MS = 300;
/** Room kept for the floating "Comment" button at the column's right edge, in px. */
const FLOAT_WIDTH = 110;

interface CommentsPluginProps {
  sectionId: string;
  binding: Binding | null;
  /** The positioned box the floating "Comment" button is placed in. */
  containerRef: RefObject<HTMLDivElement | null>;
}

/**
 * A section body's comments: paints its open threads' anchors, follows them through
 * every edit, opens a thread when its text is clicked, selects a thread's text on a jump,
 * and starts new comments (command, shortcut, floating button beside a selection).
 */
export function CommentsPlugin({ sectionId, binding, containerRef }: CommentsPluginProps) {
  const [editor] = useLexicalComposerContext();
  const context = useCommentsContext();
  const store = context?.store ?? null;
  const snapshot = useCommentsSnapshot(store);
  const services = useOptionalEditorServices();
  const [painter] = useState(() => new CommentPainter());
  const [floating, setFloating] = useState<{ top: number; left: number } | null>(null);
  const threadsRef = useRef<CommentThread[]>([]);
  const activeRef = useRef<string | null>(null);

  const threads = snapshot?.threads;
  const active = snapshot?.active ?? null;
  const mine = useSectionThreads(threads, sectionId);
  threadsRef.current = mine;
  activeRef.current = active;

  // Paint after Lexical has put its DOM in place; recheck where anchors are, unhurried.
  useEffect(() => {
    if (store === null || binding === null) return;
    let frame = 0;
    let statusTimer: ReturnType<typeof setTimeout> | null = null;
    const paint = () => {
      frame = 0;
      const ranges = new Map<string, Range>();
      editor.read(() => {
        for (const thread of threadsRef.current) {
          if (thread.resolved) continue;
          const range = $anchorDomRange(editor, binding, thread.anchor);
          if (range !== null) ranges.set(thread.id, range);
        }
      });
      painter.paint(ranges, activeRef.current);
      store.retryPendingJump(sectionId);
    };
    const report = () => {
      statusTimer = null;
      const status = new Map<string, AnchorStatus>();
      for (const thread of threadsRef.current) {
        const where = resolveAnchor(binding.doc, thread.anchor);
        if (where !== null)
          status.set(thread.id, { start: where.start, text: where.text, deleted: where.deleted });
      }
      store.reportStatus(status);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(paint);
      statusTimer ??= setTimeout(report, STATUS_EVERY_MS);
    };
    schedule();
    const stop = editor.registerUpdateListener(schedule);
    return () => {
      stop();
      if (frame !== 0) cancelAnimationFrame(frame);
      if (statusTimer !== null) clearTimeout(statusTimer);
      painter.clear();
    };
  }, [editor, binding, store, painter, sectionId, mine, active]);

  // Start a comment: the command, its shortcut, and the floating button's placement.
  useEffect(() => {
    if (store === null) return;
    const start = () => {
      const draft =
        binding === null
          ? null
          : editor.read(
              () =>
                $draftFromSelection(binding, sectionId) ??
                $draftFromDomSelection(editor, binding, sectionId),
            );
      // The caret in a commented phrase: Ctrl+Alt+M opens its thread (no mouse needed).
      const caret = window.getSelection();
      const here =
        draft === null && caret?.isCollapsed && caret.anchorNode
          ? painter.threadAt(caret.anchorNode, caret.anchorOffset)
          : null;
      if (here !== null) {
        store.setActive(here, true);
        return true;
      }
      if (draft === null) {
        services?.notify(
          `Select the words to comment on, then press ${shortcutLabel(SHORTCUTS.comment)}.`,
          'info',
        );
        return true;
      }
      services?.notify(null);
      setFloating(null);
      store.startDraft(draft);
      return true;
    };
    const place = () => {
      const root = editor.getRootElement();
      const container = containerRef.current;
      const selected = editor.read(() => {
        const selection = $getSelection();
        return $isRangeSelection(selection) && selection.getTextContent().trim() !== '';
      });
      const dom = window.getSelection();
      if (!selected || !root || !container || !dom || dom.rangeCount === 0)
        return setFloating(null);
      if (!root.contains(document.activeElement)) return setFloating(null);
      // Above the first selected line, kept inside the text column.
      const first = dom.getRangeAt(0).getClientRects()[0];
      if (!first) return setFloating(null);
      const box = container.getBoundingClientRect();
      setFloating({
        top: first.top - box.top - 4,
        left: Math.max(0, Math.min(first.left - box.left, box.width - FLOAT_WIDTH)),
      });
    };
    return mergeRegister(
      editor.registerCommand(ADD_COMMENT_COMMAND, start, COMMAND_PRIORITY_LOW),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!matchesShortcut(event, SHORTCUTS.comment)) return false;
          event.preventDefault();
          return start();
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerUpdateListener(({ tags }) => {
        if (!tags.has('collaboration')) place();
      }),
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          setFloating(null);
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor, binding, store, services, sectionId, containerRef, painter]);

  // Clicking a highlighted phrase opens its thread.
  useEffect(() => {
    if (store === null) return;
    return editor.registerRootListener((root, previous) => {
      const onClick = () => {
        const selection = window.getSelection();
        if (!selection?.isCollapsed || selection.anchorNode === null) return;
        const threadId = painter.threadAt(selection.anchorNode, selection.anchorOffset);
        if (threadId !== null) store.setActive(threadId, true);
      };
      previous?.removeEventListener('click', onClick);
      root?.addEventListener('click', onClick);
    });
  }, [editor, store, painter]);

  // A jump from the panel: select the thread's text and bring it into view.
  useEffect(() => {
    if (store === null || binding === null) return;
    return store.registerJumper(sectionId, (threadId) => {
      const thread = threadsRef.current.find((t) => t.id === threadId);
      if (!thread) return false;
      const points = editor.read(() => $anchorPoints(binding, thread.anchor));
      if (points === null) return false;
      editor.update(() => {
        const from = $getNodeByKey(points.anchorKey);
        const to = $getNodeByKey(points.focusKey);
        if (from === null || to === null) return;
        const selection = $createRangeSelection();
        selection.anchor.set(
          points.anchorKey,
          points.anchorOffset,
          $isTextNode(from) ? 'text' : 'element',
        );
        selection.focus.set(
          points.focusKey,
          points.focusOffset,
          $isTextNode(to) ? 'text' : 'element',
        );
        $setSelection(selection);
      });
      editor.getRootElement()?.focus({ preventScroll: true });
      requestAnimationFrame(() => {
        const range = painter.rangeOf(threadId);
        const target = range?.startContainer.parentElement ?? editor.getRootElement();
        target?.scrollIntoView({ block: 'center' });
      });
      return true;
    });
  }, [editor, binding, store, painter, sectionId]);

  const container = containerRef.current;
  if (floating === null || container === null) return null;
  return createPortal(
    <button
      type="button"
      className="cm-float btn small"
      style={{ top: floating.top, left: floating.left }}
      aria-label={`Comment on the selection (${shortcutLabel(SHORTCUTS.comment)})`}
      title={`Comment (${shortcutLabel(SHORTCUTS.comment)})`}
      // Keep the selection in the text while the mouse presses the button.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => editor.dispatchCommand(ADD_COMMENT_COMMAND, undefined)}
    >
      <CommentIcon />
      Comment
    </button>,
    container,
  );
}

/** This section's body threads, the same array while they do not change. */
function useSectionThreads(
  threads: CommentThread[] | undefined,
  sectionId: string,
): CommentThread[] {
  const last = useRef<{ from: CommentThread[] | undefined; mine: CommentThread[] }>({
    from: undefined,
    mine: [],
  });
  if (last.current.from !== threads) {
    const mine = (threads ?? []).filter(
      (t) => t.anchor.sectionId === sectionId && t.anchor.field === 'body',
    );
    const same =
      mine.length === last.current.mine.length &&
      mine.every((t, i) => JSON.stringify(t) === JSON.stringify(last.current.mine[i]));
    last.current = { from: threads, mine: same ? last.current.mine : mine };
  }
  return last.current.mine;
}
