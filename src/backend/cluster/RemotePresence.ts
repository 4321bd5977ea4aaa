import { applyAwarenessUpdate, removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import { decodeAwarenessEntries } from './awarenessEntries.ts';

/** The origin of awareness changes that came over the bus (never published back to it). */
export const BUS_ORIGIN = Symbol('galley bus');

/**
 * The presence another hub's editors have in one room, held in the room's Awareness so
 * the local editors see it, and remembered by hub so it can be withdrawn at once when
 * that hub says goodbye. A hub that dies without a word is timed out by the Awareness
 * itself: its editors' renewals stop arriving.
 */
export class RemotePresence {
  private readonly byHub = new Map<string, Set<number>>();

  constructor(private readonly awareness: Awareness) {}

  /** Applies an awareness update relayed from `hub`; false when it could not be decoded. */
  apply(hub: string, update: Uint8Array): boolean {
    let entries;
    try {
      entries = decodeAwarenessEntries(update);
      applyAwarenessUpdate(this.awareness, update, BUS_ORIGIN);
    } catch {
      return false;
    }
    let clients = this.byHub.get(hub);
    if (clients === undefined) {
      clients = new Set();
      this.byHub.set(hub, clients);
    }
    for (const entry of entries) {
      if (entry.state === 'null') clients.delete(entry.clientId);
      else clients.add(entry.clientId);
    }
    return true;
  }

  /** Withdraws every presence relayed from `hub` (it closed). */
  dropHub(hub: string): void {
    const clients = this.byHub.get(hub);
    this.byHub.delete(hub);
    if (clients === undefined || clients.size === 0) return;
    const present = [...clients].filter((id) => this.awareness.getStates().has(id));
    if (present.length > 0) removeAwarenessStates(this.awareness, present, BUS_ORIGIN);
  }
}
