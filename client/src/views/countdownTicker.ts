import type { Clock, TimerHandle } from '../sessions/clock';
import { nextTickDelayMs } from '../sessions/countdown';

/**
 * One timer for every countdown on screen: it fires when the soonest-changing countdown text
 * needs redrawing (every second in a session's last five minutes, at most every 30 s before,
 * per countdown.ts), then plans the next redraw. A single timer rather than one per session, so
 * the tree and the status bar redraw together.
 */

/** Milliseconds until any of the countdowns changes, or undefined when there is none to show. */
export function nextRedrawDelayMs(expirations: readonly number[], now: number): number | undefined {
  let soonest: number | undefined;
  for (const expiration of expirations) {
    const delay = nextTickDelayMs(expiration, now);
    soonest = soonest === undefined ? delay : Math.min(soonest, delay);
  }
  return soonest;
}

export class CountdownTicker {
  private timer: TimerHandle | undefined;
  private disposed = false;

  constructor(
    private readonly clock: Clock,
    /** Expiry times (ms since the epoch) of the countdowns on screen. */
    private readonly expirations: () => readonly number[],
    private readonly redraw: () => void,
  ) {}

  /** Re-plans the timer; call whenever sessions are added, removed or refreshed. */
  reschedule(): void {
    if (this.timer) {
      this.clock.clearTimer(this.timer);
      this.timer = undefined;
    }
    if (this.disposed) {
      return;
    }
    const delay = nextRedrawDelayMs(this.expirations(), this.clock.now());
    if (delay === undefined) {
      return;
    }
    this.timer = this.clock.setTimer(() => {
      this.timer = undefined;
      this.redraw();
      this.reschedule();
    }, delay);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) {
      this.clock.clearTimer(this.timer);
      this.timer = undefined;
    }
  }
}
