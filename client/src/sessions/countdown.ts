/**
 * Countdown text for the status bar and tree ("47m 12s left", "1h 03m left", "expired 2m ago")
 * and how long to wait before the text needs redrawing: every second in the last five minutes,
 * at most every 30 seconds before that.
 */

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

export const perSecondWindowMs = 5 * minute;
export const slowTickMs = 30 * second;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function toMs(time: Date | number): number {
  return typeof time === 'number' ? time : time.getTime();
}

export function formatTimeLeft(expiration: Date | number, now: number): string {
  const leftMs = toMs(expiration) - now;
  if (leftMs > 0) {
    // Rounded up, so "1s left" shows until the very end and "0s left" never does.
    const seconds = Math.ceil(leftMs / second);
    if (seconds >= 3600) {
      return `${Math.floor(seconds / 3600)}h ${pad(Math.floor((seconds % 3600) / 60))}m left`;
    }
    if (seconds >= 60) {
      return `${Math.floor(seconds / 60)}m ${pad(seconds % 60)}s left`;
    }
    return `${seconds}s left`;
  }
  const agoMs = -leftMs;
  if (agoMs < second) {
    return 'expired just now';
  }
  if (agoMs < minute) {
    return `expired ${Math.floor(agoMs / second)}s ago`;
  }
  if (agoMs < hour) {
    return `expired ${Math.floor(agoMs / minute)}m ago`;
  }
  if (agoMs < day) {
    return `expired ${Math.floor(agoMs / hour)}h ${pad(Math.floor((agoMs % hour) / minute))}m ago`;
  }
  return `expired ${Math.floor(agoMs / day)}d ago`;
}

/** Milliseconds until the countdown text should be recomputed (always ≥ 1). */
export function nextTickDelayMs(expiration: Date | number, now: number): number {
  const leftMs = toMs(expiration) - now;
  if (leftMs > perSecondWindowMs) {
    return Math.max(1, Math.min(slowTickMs, leftMs - perSecondWindowMs));
  }
  if (leftMs > 0) {
    return leftMs % second || second;
  }
  const agoMs = -leftMs;
  if (agoMs < minute) {
    return second - (agoMs % second);
  }
  return slowTickMs;
}
