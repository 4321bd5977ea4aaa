/** At most this many warnings are kept: a hostile file must not make a huge report. */
const MAX_WARNINGS = 50;

/**
 * What an import had to change: `warnings` for the editor (each said once), and `exact`,
 * false as soon as anything in the Markdown could not be represented as written (also for
 * changes too small to warn about, such as a loose list becoming tight).
 */
export class ImportNotes {
  readonly warnings: string[] = [];
  exact = true;
  readonly #seen = new Set<string>();

  /** Records a change the editor should hear about. */
  warn(message: string): void {
    this.exact = false;
    if (this.#seen.has(message) || this.warnings.length >= MAX_WARNINGS) return;
    this.#seen.add(message);
    this.warnings.push(message);
  }

  /** Records a change too small to warn about. */
  approximate(): void {
    this.exact = false;
  }
}
