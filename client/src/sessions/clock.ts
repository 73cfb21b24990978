/**
 * Time source and timers for the session core. Production code uses `systemClock`; tests pass
 * a fake clock so expiry and refresh behaviour can be checked without waiting.
 */
export interface TimerHandle {
  readonly id: number;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimer(callback: () => void, delayMs: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/** Node clamps larger delays to 1 ms, so long waits are chained in steps of at most this. */
const maxTimerDelayMs = 2_147_483_647;

export function createSystemClock(): Clock {
  let nextId = 1;
  const live = new Map<number, NodeJS.Timeout>();
  const arm = (id: number, callback: () => void, dueAt: number): void => {
    const delay = Math.max(0, Math.min(dueAt - Date.now(), maxTimerDelayMs));
    const timeout = setTimeout(() => {
      if (Date.now() < dueAt) {
        arm(id, callback, dueAt);
        return;
      }
      live.delete(id);
      callback();
    }, delay);
    // Session timers must never keep the extension host (or a test run) alive on their own.
    timeout.unref();
    live.set(id, timeout);
  };
  return {
    now: () => Date.now(),
    setTimer(callback, delayMs) {
      const id = nextId++;
      arm(id, callback, Date.now() + Math.max(0, delayMs));
      return { id };
    },
    clearTimer(handle) {
      const timeout = live.get(handle.id);
      if (timeout) {
        clearTimeout(timeout);
        live.delete(handle.id);
      }
    },
  };
}

export const systemClock: Clock = createSystemClock();
