import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../api/errorText.ts';

/** Wait this long after the last change before asking again… */
export const REFRESH_DEBOUNCE_MS = 400;
/** …but never longer than this while changes keep coming (a long typing run). */
export const REFRESH_MAX_WAIT_MS = 2000;

export interface LiveQuery<T> {
  /** The latest answer for the current key; kept while a newer one is on its way. */
  data: T | undefined;
  /** The latest failure in words; cleared by the next success. */
  error: string | undefined;
  /** A request is in flight. */
  updating: boolean;
  /** Asks again now (a Retry button, or after an action that changed the data). */
  reload: () => void;
}

interface Answer<T> {
  key: string;
  data?: T;
  error?: string;
}

/**
 * Loads data for `key` at once, then again (debounced) each time `revision` changes.
 * While `enabled` is false nothing is asked; on becoming enabled it catches up at once.
 * Answers that arrive out of order are dropped: the last request wins.
 */
export function useLiveQuery<T>(
  load: () => Promise<T>,
  key: string,
  revision: number,
  enabled = true,
): LiveQuery<T> {
  const loadRef = useRef(load);
  const keyRef = useRef(key);
  // Declared before the effect that fetches, so it sees this render's loader.
  useEffect(() => {
    loadRef.current = load;
    keyRef.current = key;
  });

  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  const [inFlight, setInFlight] = useState(0);
  const sequence = useRef(0);
  const mounted = useRef(false);

  const run = useCallback(() => {
    const mine = ++sequence.current;
    const forKey = keyRef.current;
    setInFlight((n) => n + 1);
    loadRef
      .current()
      .then(
        (data) => {
          if (mounted.current && mine === sequence.current) setAnswer({ key: forKey, data });
        },
        (error: unknown) => {
          if (!mounted.current || mine !== sequence.current) return;
          // Keep the last good data for this key beside the error: a stale preview with a
          // message beats a blank panel.
          setAnswer((previous) => ({
            key: forKey,
            data: previous?.key === forKey ? previous.data : undefined,
            error: errorText(error),
          }));
        },
      )
      .finally(() => setInFlight((n) => n - 1));
  }, []);

  const requested = useRef<{ key: string; revision: number } | null>(null);
  const wasEnabled = useRef(false);
  const waitingSince = useRef<number | null>(null);

  useEffect(() => {
    const justEnabled = enabled && !wasEnabled.current;
    wasEnabled.current = enabled;
    if (!enabled) return;
    const last = requested.current;
    if (last?.key === key && last.revision === revision) return;
    const go = () => {
      waitingSince.current = null;
      requested.current = { key, revision };
      run();
    };
    if (!last || last.key !== key || justEnabled) {
      go();
      return;
    }
    const now = Date.now();
    waitingSince.current ??= now;
    const delay = Math.min(
      REFRESH_DEBOUNCE_MS,
      Math.max(0, waitingSince.current + REFRESH_MAX_WAIT_MS - now),
    );
    const timer = setTimeout(go, delay);
    return () => clearTimeout(timer);
  }, [key, revision, enabled, run]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const current = answer?.key === key ? answer : null;
  return {
    data: current?.data,
    error: current?.error,
    updating: inFlight > 0,
    reload: run,
  };
}
