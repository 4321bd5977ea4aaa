import type { ApiMethod, ApiOutputs, Result } from '../core/index.ts';
import type { ApiContext } from './api/handlers.ts';
import { invoke } from './api/invoke.ts';
import type { DocHost } from './docs/DocHost.ts';
import { StoreDocHost } from './docs/StoreDocHost.ts';
import { EditionService } from './editions/EditionService.ts';
import type { GalleyStore } from './store/GalleyStore.ts';
import { openStore, type OpenStoreOptions, type StoreSpec } from './openStore.ts';

export interface Backend {
  store: GalleyStore;
  editions: EditionService;
  /** What API handlers reach; a host adds `peers` once it runs a hub. */
  context: ApiContext;
  invoke<M extends ApiMethod>(method: M, input: unknown): Promise<Result<ApiOutputs[M]>>;
  /** Closes the store (after the host has stopped writing to it). */
  close(): Promise<void>;
}

const SEEDED = 'sampleSeeded';

/**
 * Opens the backend on a store (a SQLite file path or a postgres:// URL): the store, the
 * edition service and the API. A brand-new database gets the sample edition, once, so a
 * first run has something real to look at. Rejects with a StoreError (naming the store)
 * when it is unusable.
 */
export async function openBackend(
  spec: StoreSpec,
  options: OpenStoreOptions & { host?: (store: GalleyStore) => DocHost } = {},
): Promise<Backend> {
  const store = await openStore(spec, options);
  try {
    const host = options.host?.(store) ?? new StoreDocHost(store);
    const editions = new EditionService(store, host);
    if (!(await store.getSetting(SEEDED))) {
      if ((await store.listEditions({ includeDeleted: true })).length === 0)
        await editions.create({ from: 'sample' });
      await store.setSetting(SEEDED, true);
    }
    const context: ApiContext = { editions };
    return {
      store,
      editions,
      context,
      invoke: (method, input) => invoke(context, method, input),
      close: () => store.close(),
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
