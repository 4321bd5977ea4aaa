import type { RenderCache } from '../export/RenderCache.ts';
import type { NodePath } from '../export/shared/walkBody.ts';
import type { Sponsor } from '../model/sponsor.ts';
import type { CommentThreadView } from '../review/threadView.ts';

export type Severity = 'error' | 'warning' | 'info';

/** One thing preflight found, with where it is. */
export interface Finding {
  severity: Severity;
  /** Stable, machine-readable: `link-placeholder`, `sponsor-missing-disclosure`... */
  code: string;
  /** For the editor, in plain words. */
  message: string;
  sectionId?: string;
  /** Child indexes from the section body's root to the node. */
  nodePath?: NodePath;
  /** The comment thread a `comment-open` finding is about. */
  threadId?: string;
}

/** Words and reading time (238 words a minute), one decimal. */
export interface ReadingStats {
  words: number;
  readingMinutes: number;
}

export interface PreflightStats extends ReadingStats {
  sections: Array<ReadingStats & { sectionId: string }>;
}

export interface PreflightResult {
  findings: Finding[];
  stats: PreflightStats;
}

export interface PreflightOptions {
  /** The email already rendered for this edition and profile; rendered here when absent. */
  emailHtml?: string;
  /** Per-section findings and word counts from earlier checks, reused while unchanged. */
  cache?: RenderCache;
  /**
   * The sponsor records that the edition's sponsor sections link to (`sponsorId`): their
   * flight dates are checked against the publish date. Preflight is pure; the caller reads them.
   */
  sponsors?: ReadonlyArray<Pick<Sponsor, 'id' | 'name' | 'flightStart' | 'flightEnd'>>;
  /**
   * The edition's comment threads (from its doc, not the Edition model, which exports
   * render): each open one is a `comment-open` warning. The caller reads them.
   */
  comments?: readonly CommentFindingInput[];
}

/** What a `comment-open` finding needs of a thread (the API's thread view has it all). */
export type CommentFindingInput = Pick<
  CommentThreadView,
  'id' | 'anchor' | 'quote' | 'author' | 'resolved' | 'messages' | 'sectionTitle' | 'onDeletedText'
>;
