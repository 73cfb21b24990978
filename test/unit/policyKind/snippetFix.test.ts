// Quick fixes that select a placeholder become one snippet edit: the text after the fix is the
// same, and the snippet's placeholder is exactly the range the server asked to select.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyOffsetEdits, offsetAtPosition, planSnippetFix, type OffsetEdit } from '../../../client/src/policyKind/snippetFix';

const trust = '{\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "AWS": "arn:aws:iam::444455556666:root" },\n    "Action": "sts:AssumeRole"\n  }]\n}\n';

/** What the editor holds once the plan is applied, and the placeholder's range in it. */
function applyPlan(text: string, edits: OffsetEdit[], select: { start: number; end: number }) {
  const plan = planSnippetFix(edits, select);
  assert.ok(plan, 'no plan');
  const { before, placeholder, after, start, end } = plan.snippet;
  const all = [...plan.plain, { start, end, newText: before + placeholder + after }];
  const edited = applyOffsetEdits(text, all);
  const placeholderStart = edited.indexOf(before + placeholder + after) + before.length;
  return { edited, placeholder, placeholderStart };
}

describe('planSnippetFix', () => {
  it('selects the ExternalId placeholder inside the inserted Condition block', () => {
    const at = trust.indexOf('\n  }]');
    const insert = ',\n    "Condition": { "StringEquals": { "sts:ExternalId": "EXTERNAL_ID" } }';
    const edits = [{ start: at, end: at, newText: insert }];
    const expected = applyOffsetEdits(trust, edits);
    const selStart = expected.indexOf('EXTERNAL_ID');
    const { edited, placeholder, placeholderStart } = applyPlan(trust, edits, { start: selStart, end: selStart + 'EXTERNAL_ID'.length });
    assert.equal(edited, expected);
    assert.equal(placeholder, 'EXTERNAL_ID');
    assert.equal(placeholderStart, selStart);
  });

  it('keeps the other edits of the fix as plain edits and finds the placeholder after a shift', () => {
    const first = trust.indexOf('"Effect"');
    const second = trust.indexOf('"Action"');
    const edits = [
      { start: second, end: second, newText: '"Sid": "OWNER_SID", ' },
      { start: first, end: first + '"Effect"'.length, newText: '"Effect"' + ' '.repeat(10) },
    ];
    const expected = applyOffsetEdits(trust, edits);
    const selStart = expected.indexOf('OWNER_SID');
    const plan = planSnippetFix(edits, { start: selStart, end: selStart + 9 });
    assert.ok(plan);
    assert.equal(plan.plain.length, 1);
    assert.equal(plan.snippet.placeholder, 'OWNER_SID');
    assert.equal(applyPlan(trust, edits, { start: selStart, end: selStart + 9 }).edited, expected);
  });

  it('gives up (the action stays as it was) when the selection is not inside an inserted text', () => {
    const at = trust.indexOf('"Action"');
    const edits = [{ start: at, end: at, newText: '"Sid": "x", ' }];
    assert.equal(planSnippetFix(edits, { start: 0, end: 1 }), undefined);
  });

  it('reads LSP positions as UTF-16 line and character', () => {
    const text = 'ab\n€cd\nef';
    assert.equal(offsetAtPosition(text, { line: 1, character: 2 }), 5);
    assert.equal(text[offsetAtPosition(text, { line: 2, character: 1 })], 'f');
    assert.equal(offsetAtPosition(text, { line: 9, character: 0 }), text.length);
  });
});
