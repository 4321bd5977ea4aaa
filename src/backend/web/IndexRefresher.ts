import { parseRoom } from '../../core/index.ts';
import type { EditionService } from '../editions/EditionService.ts';

/**
 * Keeps the editions index in step with live editing: a change to an edition's doc or to
 * one of its sections' docs schedules a refresh of that edition, at most once per
 * `delayMs`, off the edit path.
 */
export class IndexRefresher {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly editions: EditionService,
    private readonly delayMs = 1000,
    private readonly onError: (editionId: string, error: unknown) => void = () => {},
  ) {}

  /** Notes that `room` changed. */
  roomChanged(room: string): void {
    const parsed = parseRoom(room);
    if (!parsed) return;
    if (parsed.kind === 'edition') return this.schedule(parsed.id);
    this.editions.editionOfSection(parsed.id).then(
      (editionId) => {
        if (editionId !== null) this.schedule(editionId);
      },
      (error: unknown) => this.onError(`of section ${parsed.id}`, error),
    );
  }

  private schedule(editionId: string): void {
    if (this.pending.has(editionId)) return;
    const timer = setTimeout(() => this.refresh(editionId), this.delayMs);
    timer.unref();
    this.pending.set(editionId, timer);
  }

  /** Runs every scheduled refresh now (before shutdown); resolves when they are stored. */
  async flush(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((editionId) => this.refresh(editionId)));
  }

  private async refresh(editionId: string): Promise<void> {
    clearTimeout(this.pending.get(editionId));
    this.pending.delete(editionId);
    try {
      await this.editions.refreshIndex(editionId);
    } catch (error) {
      this.onError(editionId, error);
    }
  }
}
