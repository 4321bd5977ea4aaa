import type * as Y from 'yjs';
import {
  commentsMap,
  EDITORS_MAP,
  readEditors,
  readThreads,
  type CommentAnchor,
  type CommentThread,
  type ReviewPerson,
} from '../../core/index.ts';

/** A comment being written: where it goes and the text it is on. */
export interface CommentDraft {
  anchor: CommentAnchor;
  quote: string;
}

/** Where a body thread's text is now, as the section's editor last saw it. */
export interface AnchorStatus {
  /** Flat offset of the start, for ordering threads in reading order. */
  start: number;
  text: string;
  deleted: boolean;
}

/** What the comment views render from. */
export interface CommentsSnapshot {
  threads: CommentThread[];
  /** Every editor the edition has recorded (for @mentions). */
  editors: ReviewPerson[];
  /** The thread the editor is looking at (clicked highlight, jump, focused card). */
  active: string | null;
  draft: CommentDraft | null;
  status: ReadonlyMap<string, AnchorStatus>;
}

/** Scrolls to and selects a thread's text; false when this section cannot show it. */
type Jumper = (threadId: string) => boolean;

/**
 * The comments of one open edition, shared by the Comments panel, the outline, the top
 * bar and every section editor's highlights. Threads are read from the edition doc (the
 * source of truth, written directly as Yjs edits); what only a section editor knows
 * (where an anchor is now, whether its text was deleted) is reported back into it.
 */
export class CommentsStore {
  private snapshot: CommentsSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly panelListeners = new Set<() => void>();
  private readonly jumpers = new Map<string, Jumper>();
  private pendingJump: string | null = null;

  constructor(readonly doc: Y.Doc) {
    this.snapshot = {
      threads: readThreads(doc),
      editors: readEditors(doc),
      active: null,
      draft: null,
      status: new Map(),
    };
  }

  /** Follows the edition doc; returns the function that stops following it. */
  start(): () => void {
    const threads = commentsMap(this.doc);
    const editors = this.doc.getMap(EDITORS_MAP);
    const onThreads = () => this.set({ threads: readThreads(this.doc) });
    const onEditors = () => this.set({ editors: readEditors(this.doc) });
    threads.observeDeep(onThreads);
    editors.observe(onEditors);
    onThreads();
    onEditors();
    return () => {
      threads.unobserveDeep(onThreads);
      editors.unobserve(onEditors);
    };
  }

  getSnapshot = (): CommentsSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called when something asks for the Comments panel (a new comment, a clicked highlight). */
  onPanelRequest(listener: () => void): () => void {
    this.panelListeners.add(listener);
    return () => this.panelListeners.delete(listener);
  }

  /** Opens the composer for a new comment on `draft` in the Comments panel. */
  startDraft(draft: CommentDraft): void {
    this.set({ draft, active: null });
    this.requestPanel();
  }

  cancelDraft(): void {
    this.set({ draft: null });
  }

  /** Marks a thread as the one looked at; `showPanel` also brings the panel up. */
  setActive(threadId: string | null, showPanel = false): void {
    if (this.snapshot.active !== threadId) this.set({ active: threadId });
    if (showPanel) this.requestPanel();
  }

  /** A section editor reports where its threads' anchors are now. */
  reportStatus(entries: ReadonlyMap<string, AnchorStatus>): void {
    let changed = false;
    const next = new Map(this.snapshot.status);
    for (const [id, status] of entries) {
      const old = next.get(id);
      if (old?.start === status.start && old.text === status.text && old.deleted === status.deleted)
        continue;
      next.set(id, status);
      changed = true;
    }
    if (changed) this.set({ status: next });
  }

  /** A section editor offers to show its threads' text; returns its removal. */
  registerJumper(sectionId: string, jumper: Jumper): () => void {
    this.jumpers.set(sectionId, jumper);
    // A jump asked for before the section's editor was mounted happens now.
    this.retryPendingJump(sectionId);
    return () => {
      if (this.jumpers.get(sectionId) === jumper) this.jumpers.delete(sectionId);
    };
  }

  /**
   * Selects a body thread's text in its section's editor, or remembers the jump until
   * that editor mounts (the caller scrolls the section into view, which mounts it).
   */
  jumpTo(threadId: string): void {
    this.setActive(threadId);
    const thread = this.snapshot.threads.find((t) => t.id === threadId);
    if (!thread || thread.anchor.sectionId === null || thread.anchor.field !== 'body') return;
    const jumper = this.jumpers.get(thread.anchor.sectionId);
    this.pendingJump = jumper?.(threadId) === true ? null : threadId;
  }

  /** A section editor's text changed: a jump that waited for it may happen now. */
  retryPendingJump(sectionId: string): void {
    if (this.pendingJump === null) return;
    const thread = this.snapshot.threads.find((t) => t.id === this.pendingJump);
    if (thread?.anchor.sectionId !== sectionId) return;
    if (this.jumpers.get(sectionId)?.(thread.id) === true) this.pendingJump = null;
  }

  private requestPanel(): void {
    for (const listener of this.panelListeners) listener();
  }

  private set(patch: Partial<CommentsSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
