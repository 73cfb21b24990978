// The evaluation order is a list of named gates, each citing the AWS page it follows.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { GATES } from '../../../server/src/engine/decision/gates';

describe('evaluation gates', () => {
  it('each gate has its own name and cites an AWS documentation page', () => {
    assert.equal(new Set(GATES.map((g) => g.name)).size, GATES.length);
    for (const gate of GATES) assert.match(gate.doc, /^https:\/\/docs\.aws\.amazon\.com\//, gate.name);
  });

  it('applies explicit denies before any Allow can decide, and identity before boundary and session', () => {
    const at = (name: string): number => GATES.findIndex((g) => g.name === name);
    assert.ok(at('AWS-protected resources') < at('explicit deny'), 'AWS-protected resources');
    for (const name of ['SCP', 'RCP', 'resource policy', 'trust', 'identity', 'boundary', 'session']) {
      assert.ok(at(name) > at('explicit deny'), name);
    }
    assert.ok(at('identity') < at('boundary') && at('boundary') < at('session'));
  });
});
