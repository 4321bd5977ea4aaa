import { afterEach, describe } from 'vitest';
import type { GalleyStore } from '../../../src/backend/store/GalleyStore.ts';
import { logContract } from './log.ts';
import { operationsContract } from './operations.ts';
import { recordsContract } from './records.ts';
import { searchContract } from './search.ts';

/**
 * The store contract: behaviour every GalleyStore must show, whichever database is
 * behind it. Run against SQLite and PostgreSQL alike (`storeContract('sqlite', ...)`),
 * so the hub, the API and the CLI can rely on one behaviour.
 */

export interface ContractOptions {
  /** The store's clock; the suite moves it to test ordering by time. */
  now: () => Date;
  /** Compaction threshold (the suite uses a small one to see compaction at load). */
  compactThreshold?: number;
}

/** A fresh, empty store and how to remove it afterwards. */
export type StoreFactory = (
  options: ContractOptions,
) => Promise<{ store: GalleyStore; cleanup: () => Promise<void> }>;

/** Opens stores for one test; every store opened is closed and removed after it. */
export interface ContractContext {
  open(options?: Partial<ContractOptions>): Promise<GalleyStore>;
  /** A settable clock shared by the stores opened with the default options. */
  clock: { now: Date };
}

/** Registers `describe(name)` with the whole contract, run against stores from `factory`. */
export function storeContract(name: string, factory: StoreFactory): void {
  describe(`store contract: ${name}`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    const context: ContractContext = {
      clock: { now: new Date('2025-03-01T09:00:00.000Z') },
      async open(options = {}) {
        const opened = await factory({ now: () => context.clock.now, ...options });
        cleanups.push(opened.cleanup);
        return opened.store;
      },
    };
    afterEach(async () => {
      context.clock.now = new Date('2025-03-01T09:00:00.000Z');
      for (const cleanup of cleanups.splice(0)) await cleanup();
    });
    logContract(context);
    searchContract(context);
    recordsContract(context);
    operationsContract(context);
  });
}
