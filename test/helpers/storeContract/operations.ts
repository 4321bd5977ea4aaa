import { expect, it } from 'vitest';
import { typeUpdates } from '../yjsTyping.ts';
import type { ContractContext } from './index.ts';

/** ping, integrity check, close, and what happens after close. */
export function operationsContract(t: ContractContext): void {
  it('answers ping and integrityCheck on a healthy store', async () => {
    const store = await t.open();
    await store.appendUpdates('r', typeUpdates(5).updates);
    await store.ping();
    expect(await store.integrityCheck()).toBe('ok');
    expect(['sqlite', 'postgres']).toContain(store.kind);
    expect(store.location).not.toBe('');
    expect(store.now()).toEqual(t.clock.now);
  });

  it('closes once; every call after close fails with code closed, naming the store', async () => {
    const store = await t.open();
    await store.close();
    await store.close();
    const calls = [
      () => store.appendUpdate('r', new Uint8Array([1])),
      () => store.loadRoom('r'),
      () => store.readUpdatesSince('r', 0),
      () => store.listEditions(),
      () => store.search('x'),
      () => store.getSetting('k'),
      () => store.listSponsors(),
      () => store.ping(),
    ];
    for (const call of calls) {
      const error: unknown = await call().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ name: 'StoreError', code: 'closed' });
      expect((error as Error).message).toContain(store.location);
    }
  });
}
