// The text of simulation results: Test Explorer failure messages, reveal links, the result page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explanationHtml } from '../../../client/src/simulation/explanationHtml';
import { revealCommandUri, testFailureMarkdown } from '../../../client/src/simulation/simulationText';
import type { SimulateRequestResult, SimulationTestResult } from '../../../server/src/protocol';

const range = { start: { line: 4, character: 6 }, end: { line: 9, character: 7 } };
const decidedBy = [{ uri: 'file:///w/dev-role.json', range, label: './dev-role.json statement "ReadAppData"', effect: 'Deny' as const }];
const explanation = { summary: 'Explicit deny: ./dev-role.json statement "ReadAppData" denies s3:GetObject.', details: ['Decision: explicitDeny', '<script>'], decidedBy };

describe('testFailureMarkdown', () => {
  it('states expected and actual, the summary, the deciding statement and the details', () => {
    const test: SimulationTestResult = { id: '0:t', name: 't', range, decision: 'explicitDeny', expected: 'allowed', pass: false, errors: [], explanation };
    const md = testFailureMarkdown(test);
    assert.match(md, /^\*\*Expected\*\* `allowed`, \*\*got\*\* `explicitDeny`\.\n/);
    assert.match(md, /Explicit deny: \.\/dev-role\.json statement "ReadAppData" denies s3:GetObject\./);
    assert.match(md, /- Decided by Deny \.\/dev-role\.json statement "ReadAppData" \(line 5\)/);
    assert.match(md, /```text\nDecision: explicitDeny\n<script>\n```$/);
  });

  it('lists why a test could not run', () => {
    const test: SimulationTestResult = { id: '0:t', name: 't', range, decision: undefined, expected: undefined, pass: false, errors: ['Unknown "expect" value "allow"'], explanation: undefined };
    assert.equal(testFailureMarkdown(test), 'The test could not run:\n\n- Unknown "expect" value "allow"');
  });
});

describe('revealCommandUri', () => {
  it('is a command link whose argument is the location, encoded', () => {
    const link = revealCommandUri(decidedBy[0]);
    assert.match(link, /^command:iamSts\.revealSimulationLocation\?/);
    assert.deepEqual(JSON.parse(decodeURIComponent(link.slice(link.indexOf('?') + 1))), [{ uri: 'file:///w/dev-role.json', range }]);
  });
});

describe('explanationHtml', () => {
  const result: SimulateRequestResult = { decision: 'explicitDeny', role: 'identity policy', assumptions: [], explanation };
  const html = explanationHtml({ uri: 'file:///w/dev-role.json', action: 's3:GetObject', resource: 'arn:aws:s3:::b/<k>', principal: 'arn:aws:iam::111122223333:role/Dev', context: { 'aws:TagKeys': ['a', 'b'] } }, result, 'dev-role.json');

  it('shows the decision and links each deciding statement to its range', () => {
    assert.match(html, /<div class="decision explicitDeny" data-decision="explicitDeny">Explicit deny<\/div>/);
    assert.ok(html.includes(`<a href="${revealCommandUri(decidedBy[0]).replace(/&/g, '&amp;')}">./dev-role.json statement &quot;ReadAppData&quot;</a>`));
  });

  it('escapes everything that comes from the policy or the request, and runs no script', () => {
    assert.ok(html.includes('arn:aws:s3:::b/&lt;k&gt;'));
    assert.ok(html.includes('&lt;script&gt;'));
    assert.ok(!html.includes('<script'));
    assert.match(html, /default-src 'none'/);
    assert.ok(html.includes('<code>aws:TagKeys=a | b</code>'));
  });
});
