import type { Clock, TimerHandle } from '../../../client/src/sessions/clock';

/** A clock that only moves when the test says so; timers fire in due order during `advance`. */
export class FakeClock implements Clock {
  private nextId = 1;
  private readonly timers = new Map<number, { dueAt: number; callback: () => void }>();

  constructor(private time: number) {}

  now(): number {
    return this.time;
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { dueAt: this.time + Math.max(0, delayMs), callback });
    return { id };
  }

  clearTimer(handle: TimerHandle): void {
    this.timers.delete(handle.id);
  }

  get pendingTimers(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      let next: [number, { dueAt: number; callback: () => void }] | undefined;
      for (const entry of this.timers) {
        if (entry[1].dueAt <= target && (!next || entry[1].dueAt < next[1].dueAt)) {
          next = entry;
        }
      }
      if (!next) {
        break;
      }
      this.timers.delete(next[0]);
      this.time = Math.max(this.time, next[1].dueAt);
      next[1].callback();
    }
    this.time = target;
  }
}
