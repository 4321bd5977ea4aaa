import { GalleyError, type ApiOutputs } from '../../core/index.ts';
import type { EditionService } from './EditionService.ts';
import { freezeSentVersion, markSentInDoc, settleSentAt } from './sentState.ts';

/**
 * Marks an edition sent (`editions.markSent`): status `sent`, `sentAt` in the edition
 * doc, and the "Sent <date>" version, frozen once. Calling it again, or the index refresh
 * that follows any change, finds the sending recorded and adds nothing.
 */
export async function markSent(
  editions: EditionService,
  input: { id: string; at?: string },
): Promise<ApiOutputs['editions.markSent']> {
  await editions.requireSummary(input.id);
  const now = editions.store.now();
  const at = input.at === undefined ? now : new Date(input.at);
  // A time ahead of the clock would be a plan, not a record (and could not be compared).
  if (at.getTime() > now.getTime() + 60_000)
    throw new GalleyError(
      'invalid-input',
      `editions.markSent: ${at.toISOString()} is in the future; give the time it was sent`,
    );
  await markSentInDoc(editions, input.id, at.toISOString());
  // Settle and freeze here (refreshIndex would too) to report the version made now.
  const sentAt = await settleSentAt(editions, input.id, () => now.toISOString());
  const version = await freezeSentVersion(editions, input.id, sentAt);
  return { summary: await editions.refreshIndex(input.id), versionId: version?.id ?? null };
}
