import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RevisionCounter } from './revisionCounter.ts';

describe('RevisionCounter.bumpSoon', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('bumps once a burst pauses', () => {
    const counter = new RevisionCounter();
    const seen = vi.fn();
    counter.subscribe(seen);
    for (let i = 0; i < 5; i++) {
      counter.bumpSoon(150, 1000);
      vi.advanceTimersByTime(50);
    }
    expect(counter.get()).toBe(0);
    vi.advanceTimersByTime(150);
    expect(counter.get()).toBe(1);
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('bumps every maxWait while changes keep coming, not on every change', () => {
    const counter = new RevisionCounter();
    // Ten seconds of keystrokes 35 ms apart.
    for (let t = 0; t < 10_000; t += 35) {
      counter.bumpSoon(150, 1000);
      vi.advanceTimersByTime(35);
    }
    expect(counter.get()).toBeGreaterThanOrEqual(9);
    expect(counter.get()).toBeLessThanOrEqual(11);
    vi.advanceTimersByTime(150);
    expect(counter.get()).toBeGreaterThanOrEqual(10);
  });

  it('bumps at once on bump()', () => {
    const counter = new RevisionCounter();
    counter.bump();
    expect(counter.get()).toBe(1);
  });
});
