import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TYPING_PAUSE_MS, TypingPause, type PauseTimers } from './typingPause.ts';

// Fake timers drive both the clock and the idle callbacks: an idle moment comes 5 ms after
// it is asked for, as between keystrokes on a quiet page.
function fakeTimers(): PauseTimers {
  return {
    now: () => Date.now(),
    after: (ms, run) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
    whenIdle: (_timeout, run) => {
      const timer = setTimeout(run, 5);
      return () => clearTimeout(timer);
    },
  };
}

describe('TypingPause', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once (after an idle moment) when nobody has typed', () => {
    const pause = new TypingPause(fakeTimers());
    const task = vi.fn();
    pause.afterPause(task);
    vi.advanceTimersByTime(5);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('holds the task through a typing run and runs it once the keyboard rests', () => {
    const pause = new TypingPause(fakeTimers());
    const task = vi.fn();
    pause.note();
    pause.afterPause(task);
    // Three seconds of keystrokes 35 ms apart: idle moments come between them, but no pause.
    for (let t = 0; t < 3000; t += 35) {
      vi.advanceTimersByTime(35);
      pause.note();
    }
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(TYPING_PAUSE_MS - 10);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(20);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('waits again when typing resumes between the pause and the idle moment', () => {
    const pause = new TypingPause(fakeTimers(), 100);
    const task = vi.fn();
    pause.note();
    pause.afterPause(task);
    vi.advanceTimersByTime(101); // the pause came; the idle callback is 5 ms away
    pause.note();
    vi.advanceTimersByTime(10);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('never runs a cancelled task', () => {
    const pause = new TypingPause(fakeTimers(), 100);
    const task = vi.fn();
    pause.note();
    const cancel = pause.afterPause(task);
    vi.advanceTimersByTime(50);
    cancel();
    vi.advanceTimersByTime(1000);
    expect(task).not.toHaveBeenCalled();
  });
});
