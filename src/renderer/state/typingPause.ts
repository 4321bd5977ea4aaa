import { useEffect, useState } from 'react';

/** How long the keyboard must rest before a heavy view (the email frame) takes new content. */
export const TYPING_PAUSE_MS = 800;

// How long to wait for an idle moment once the pause has come, before going ahead anyway.
const IDLE_TIMEOUT_MS = 400;

/** The clock and timers a TypingPause uses (the window's, or fakes in tests); each timer returns its cancel. */
export interface PauseTimers {
  now: () => number;
  after: (ms: number, run: () => void) => () => void;
  whenIdle: (timeoutMs: number, run: () => void) => () => void;
}

/**
 * When the person at this window last typed, and a way to run something once they pause.
 * Any key or text input counts: the views that wait on it are not tied to one editor.
 */
export class TypingPause {
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly timers: PauseTimers,
    private readonly pauseMs = TYPING_PAUSE_MS,
  ) {}

  /** Records a key press or text input now. */
  note(): void {
    this.last = this.timers.now();
  }

  /** Milliseconds still to wait for the pause; 0 once it has come. */
  remaining(): number {
    return Math.max(0, this.last + this.pauseMs - this.timers.now());
  }

  /**
   * Runs `task` once typing has paused for `pauseMs` and the main thread is idle; if
   * typing resumes before the idle moment, waits for the next pause. Returns a cancel.
   */
  afterPause(task: () => void): () => void {
    const { timers } = this;
    let cancel = () => {};
    const check = () => {
      const wait = this.remaining();
      cancel =
        wait > 0
          ? timers.after(wait, check)
          : timers.whenIdle(IDLE_TIMEOUT_MS, () => {
              if (this.remaining() > 0) check();
              else task();
            });
    };
    check();
    return () => cancel();
  }
}

let shared: TypingPause | null = null;

// One listener set for the whole window, installed on first use. Capture and passive: it
// must see keys that editors stop, and never delay them.
function windowTypingPause(): TypingPause {
  if (shared) return shared;
  const pause = new TypingPause({
    now: () => performance.now(),
    after: (ms, run) => {
      const timer = window.setTimeout(run, ms);
      return () => window.clearTimeout(timer);
    },
    whenIdle: (timeout, run) => {
      const idle = window.requestIdleCallback(run, { timeout });
      return () => window.cancelIdleCallback(idle);
    },
  });
  const note = () => pause.note();
  for (const type of ['keydown', 'beforeinput', 'compositionupdate'])
    window.addEventListener(type, note, { capture: true, passive: true });
  shared = pause;
  return pause;
}

/**
 * `value`, but a new value is only taken once typing pauses and the main thread is idle:
 * for views that are expensive to replace (a 150 KB email re-parsed and laid out in the
 * page's own process) and would otherwise stall the keystrokes around them. A value for
 * which `takeAtOnce(shown, next)` holds (the first one, another mode) is shown at once.
 */
export function useValueAfterTyping<T>(value: T, takeAtOnce: (shown: T, next: T) => boolean): T {
  const [shown, setShown] = useState(value);
  const changed = !Object.is(shown, value);
  const immediate = changed && takeAtOnce(shown, value);

  useEffect(() => {
    if (!changed) return;
    if (immediate) {
      // Keep state in step with what is returned, so the next comparison starts from it.
      setShown(() => value);
      return;
    }
    return windowTypingPause().afterPause(() => setShown(() => value));
  }, [changed, immediate, value]);

  return immediate ? value : shown;
}

const never = () => false;

/** `value`, every change of it held until typing pauses (see useValueAfterTyping). */
export function useAfterTyping<T>(value: T): T {
  return useValueAfterTyping(value, never);
}
