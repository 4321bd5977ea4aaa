/**
 * The edition model: the strict, exported shape of an edition. Loose input (files, old
 * versions, peers) goes through `restoreEdition` first; nothing else builds these by hand.
 */

export const EDITION_FORMAT_VERSION = 1;

export const EDITION_STATUSES = ['draft', 'review', 'ready', 'sent'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

export const SECTION_STATUSES = ['draft', 'review', 'ready'] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

export const SECTION_KINDS = ['story', 'intro', 'sponsor', 'poll', 'feedback', 'roundup'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A Lexical node as serialized JSON (`exportJSON`); the node set is in `core/lexical`. */
export interface SerializedBodyNode {
  type: string;
  version: number;
  children?: SerializedBodyNode[];
  [key: string]: unknown;
}

/** A section's rich-text body: Lexical's serialized editor state. */
export interface SectionBody {
  root: SerializedBodyNode & { type: 'root'; children: SerializedBodyNode[] };
}

interface SectionBase {
  id: string;
  title: string;
  status: SectionStatus;
  /** Free text: the editor's display name; '' when unassigned. */
  assignee: string;
  body: SectionBody;
}

export interface StorySection extends SectionBase {
  kind: 'story';
}

export interface IntroSection extends SectionBase {
  kind: 'intro';
  /** `auto`: the agenda is generated from the other sections' titles. */
  agenda: 'auto' | 'manual';
}

export interface SponsorSection extends SectionBase {
  kind: 'sponsor';
  sponsor: string;
  url: string;
  cta: string;
  disclosure: string;
  /**
   * The sponsor record (in the store's sponsor library) the fields were copied from;
   * absent for a sponsor written by hand. The section keeps its own copy either way.
   */
  sponsorId?: string;
}

export interface PollSection extends SectionBase {
  kind: 'poll';
  question: string;
  /** 2 to 6 options. */
  options: string[];
  voteUrl: string;
}

export interface FeedbackSection extends SectionBase {
  kind: 'feedback';
  prompt: string;
  choices: string[];
  voteUrl: string;
}

/**
 * A link roundup ("Headlines", "Toolkit"): its items are `roundupitem` nodes of the body
 * (title, url, source, emoji, and the blurb as inline children), so they co-edit, undo
 * and reorder with the body; the section itself has no fields beyond the base.
 */
export interface RoundupSection extends SectionBase {
  kind: 'roundup';
}

export type Section =
  StorySection | IntroSection | SponsorSection | PollSection | FeedbackSection | RoundupSection;

/** The kind-specific fields of each kind (everything but the common base). */
export type KindFields<K extends SectionKind> = Omit<
  Extract<Section, { kind: K }>,
  keyof SectionBase | 'kind'
>;

export interface EditionMeta {
  title: string;
  subject: string;
  preheader: string;
  status: EditionStatus;
  /** The issue number, or null while unnumbered. */
  number: number | null;
  /** ISO date `YYYY-MM-DD`, or null while unscheduled. */
  publishDate: string | null;
  /**
   * When the edition was marked sent (ISO timestamp); absent while it is not sent.
   * Written by the backend when the status becomes `sent`, removed when it leaves it.
   */
  sentAt?: string;
}

export interface Edition extends EditionMeta {
  formatVersion: typeof EDITION_FORMAT_VERSION;
  id: string;
  sections: Section[];
  /** Edition-level keys this version does not know; kept so nothing is lost. */
  extra: Record<string, JsonValue>;
}
