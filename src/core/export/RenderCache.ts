import type { Edition, Section } from '../model/types.ts';
import { agendaItems } from './shared/agenda.ts';

/*
 * Why the key is the section's content and not a revision handed in by the backend: the
 * cache lives in core, which cannot tell whether a revision number really changed with
 * the text (a Yjs state vector, for one, does not move on a deletion). A key made of the
 * model itself cannot serve stale output for the model it is given. It stays cheap
 * because the body's JSON is computed once per body object: the backend hands out one
 * frozen body object per section doc state (see SectionBodies), so an unchanged section
 * costs a WeakMap lookup and a string comparison that is a pointer comparison.
 */

interface Entry {
  key: string;
  value: unknown;
}

/** How often the cache could reuse a part, for tests and benchmarks. */
export interface RenderCacheStats {
  hits: number;
  misses: number;
}

/**
 * Rendered parts of sections (an email row, a Markdown part, text blocks, preflight
 * findings), each kept until the section's content or what else the part depends on
 * changes. One cache serves the live preview, the Checks panel and `editions.check`, so a
 * keystroke in one section re-renders that section only. Pure and synchronous; the
 * caller owns it. Bodies must not be mutated once rendered through a cache.
 */
export class RenderCache {
  private readonly entries = new Map<string, Entry>();
  private readonly bodyJson = new WeakMap<object, string>();
  readonly stats: RenderCacheStats = { hits: 0, misses: 0 };

  /** `maxEntries` bounds memory: least recently used parts go first. */
  constructor(private readonly maxEntries = 2000) {}

  /**
   * The content key of a section: its fields and its body, as JSON. The body's JSON is
   * remembered per body object.
   */
  sectionKey(section: Section): string {
    const { body, ...fields } = section;
    let json = this.bodyJson.get(body);
    if (json === undefined) {
      json = JSON.stringify(body);
      this.bodyJson.set(body, json);
    }
    return `${JSON.stringify(fields)}\u0000${json}`;
  }

  /**
   * The key of a part that also depends on `context` (the profile, as JSON) and, for an
   * intro with a generated agenda, on the other sections' titles.
   */
  partKey(section: Section, edition: Edition, context: string): string {
    const agenda =
      section.kind === 'intro' && section.agenda === 'auto'
        ? JSON.stringify(agendaItems(edition))
        : '';
    return `${context}\u0000${agenda}\u0000${this.sectionKey(section)}`;
  }

  /**
   * `render()`'s value for one part of one section, reused while `key` is the same and
   * `isCurrent` (for dependencies the key cannot hold, like stored assets) agrees.
   */
  reuse<T>(
    part: string,
    sectionId: string,
    key: string,
    render: () => T,
    isCurrent: (value: T) => boolean = () => true,
  ): T {
    const id = `${part}\u0000${sectionId}`;
    const entry = this.entries.get(id);
    // The value was stored by this same part's render, so it has this part's type.
    if (entry !== undefined && entry.key === key && isCurrent(entry.value as T)) {
      this.stats.hits += 1;
      // Re-inserted: Map order is then least recently used first.
      this.entries.delete(id);
      this.entries.set(id, entry);
      return entry.value as T;
    }
    this.stats.misses += 1;
    const value = render();
    this.entries.delete(id);
    this.entries.set(id, { key, value });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  /** Forgets everything (a test, or a profile change that touches every part anyway). */
  clear(): void {
    this.entries.clear();
  }
}
