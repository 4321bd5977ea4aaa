import type { ApiMethod, ApiOutputs, Result } from '../core/index.ts';
import type { ApiContext } from './api/handlers.ts';
import { invoke } from './api/invoke.ts';
import type { DocHost } from './docs/DocHost.ts';
import { StoreDocHost } from './docs/StoreDocHost.ts';
import { EditionService } from './editions/EditionService.ts';
import { Store, type StoreOptions } from './store/Store.ts';

export interface Backend {
  store: Store;
  editions: EditionService;
  /** What API handlers reach; a host adds `peers` once it runs a hub. */
  context: ApiContext;
  invoke<M extends ApiMethod>(method: M, input: unknown): Promise<Result<ApiOutputs[M]>>;
  close(): void;
}

const SEEDED = 'sampleSeeded';

/**
 * Opens the backend on a database file: the store, the edition service and the API.
 * A brand-new database gets the sample edition, once, so a first run has something
 * real to look at. Throws StoreError (with the file named) when the file is unusable.
 */
export function openBackend(
  dbPath: string,
  options: StoreOptions & { host?: (store: Store) => DocHost } = {},
): Backend {
  const store = Store.open(dbPath, options);
  try {
    const host = options.host?.(store) ?? new StoreDocHost(store);
    const editions = new EditionService(store, host);
    if (!store.getSetting(SEEDED)) {
      if (store.listEditions({ includeDeleted: true }).length === 0)
        editions.create({ from: 'sample' });
      store.setSetting(SEEDED, true);
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
    store.close();
    throw error;
  }
}
