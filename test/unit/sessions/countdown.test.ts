import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import cases from '../../fixtures/sts/countdown.json';
import { formatTimeLeft, nextTickDelayMs } from '../../../client/src/sessions/countdown';

const now = Date.parse('2026-03-01T12:00:00Z');

describe('formatTimeLeft', () => {
  for (const testCase of cases.formatTimeLeft) {
    it(testCase.name, () => {
      assert.equal(formatTimeLeft(new Date(now + testCase.leftMs), now), testCase.expected);
    });
  }
});

describe('nextTickDelayMs', () => {
  for (const testCase of cases.nextTickDelayMs) {
    it(testCase.name, () => {
      assert.equal(nextTickDelayMs(now + testCase.leftMs, now), testCase.expected);
    });
  }

  it('never waits past the start of the per-second window', () => {
    for (let leftMs = 300_001; leftMs < 400_000; leftMs += 7_919) {
      assert.ok(nextTickDelayMs(now + leftMs, now) <= leftMs - 300_000);
    }
  });
});
