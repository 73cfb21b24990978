import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CountdownTicker, nextRedrawDelayMs } from '../../../client/src/views/countdownTicker';
import { FakeClock } from '../sessions/fakeClock';

const now = Date.parse('2026-03-01T12:00:00Z');

describe('nextRedrawDelayMs', () => {
  it('waits for the countdown that changes soonest', () => {
    assert.equal(nextRedrawDelayMs([now + 3_600_000, now + 60_500], now), 500);
  });

  it('has nothing to redraw without sessions', () => {
    assert.equal(nextRedrawDelayMs([], now), undefined);
  });
});

describe('CountdownTicker', () => {
  it('redraws every second in the last five minutes and at most every 30 s before', () => {
    const clock = new FakeClock(now);
    const redraws: number[] = [];
    const ticker = new CountdownTicker(clock, () => [now + 5 * 60_000 + 45_000], () => redraws.push(clock.now() - now));
    ticker.reschedule();
    clock.advance(48_000);
    assert.deepEqual(redraws, [30_000, 45_000, 46_000, 47_000, 48_000]);
    ticker.dispose();
    clock.advance(10_000);
    assert.equal(redraws.length, 5);
    assert.equal(clock.pendingTimers, 0);
  });

  it('keeps one timer however often it is rescheduled', () => {
    const clock = new FakeClock(now);
    const ticker = new CountdownTicker(clock, () => [now + 60_000, now + 120_000], () => undefined);
    ticker.reschedule();
    ticker.reschedule();
    ticker.reschedule();
    assert.equal(clock.pendingTimers, 1);
    ticker.dispose();
  });
});
