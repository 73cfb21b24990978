// Completion of a Terraform policy document's attribute and block names, by the block the cursor is in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hclNameCompletions } from '../../../server/src/analysis/writers/hclNames';

/** The text with `|` taken out, and the offset it marked. */
function at(lines: string[]): { text: string; offset: number } {
  const joined = lines.join('\n');
  return { text: joined.replace('|', ''), offset: joined.indexOf('|') };
}

function labels(lines: string[]) {
  const { text, offset } = at(lines);
  const found = hclNameCompletions(text, offset, { start: 0, end: text.length });
  return found && { context: found.context, labels: found.items.map((i) => i.label) };
}

describe('names of a data "aws_iam_policy_document" block', () => {
  it("in a statement: the statement's attributes and blocks, filtered by what is typed", () => {
    assert.deepEqual(labels(['data "aws_iam_policy_document" "x" {', '  statement {', '    |', '  }', '}']), {
      context: 'statement',
      labels: ['sid', 'effect', 'actions', 'not_actions', 'resources', 'not_resources', 'principals', 'not_principals', 'condition'],
    });
    assert.deepEqual(labels(['data "aws_iam_policy_document" "x" {', '  statement {', '    not_|', '  }', '}'])?.labels, ['not_actions', 'not_resources', 'not_principals']);
  });

  it('in principals: type and identifiers; in a condition: test, variable and values', () => {
    assert.deepEqual(labels(['data "aws_iam_policy_document" "x" {', '  statement {', '    principals {', '      |', '    }', '  }', '}']), { context: 'principals', labels: ['type', 'identifiers'] });
    assert.deepEqual(labels(['data "aws_iam_policy_document" "x" {', '  statement {', '    condition {', '      test = "StringEquals"', '      v|', '    }', '  }', '}']), { context: 'condition', labels: ['variable', 'values'] });
  });

  it('in the document: statement and the document attributes; inside a dynamic block, its content reads as the block it repeats', () => {
    assert.deepEqual(labels(['data "aws_iam_policy_document" "x" {', '  |', '}'])?.labels, ['statement', 'version', 'policy_id', 'source_policy_documents', 'override_policy_documents']);
    assert.deepEqual(labels(['data "aws_iam_policy_document" "x" {', '  dynamic "statement" {', '    for_each = var.s', '    content {', '      sid = "{ }"', '      eff|', '    }', '  }', '}']), { context: 'statement', labels: ['effect'] });
  });

  it('nothing after a name already typed with its value, nor after the block is closed', () => {
    assert.equal(labels(['data "aws_iam_policy_document" "x" {', '  statement {', '    actions = |', '  }', '}']), undefined);
    assert.equal(labels(['data "aws_iam_policy_document" "x" {', '  statement {', '    act|ions = []', '  }', '}']), undefined);
    assert.equal(labels(['data "aws_iam_policy_document" "x" {', '}', '|']), undefined);
  });

  it("writes a block at the line's indentation, with the file's indentation unit, as a snippet and as plain text", () => {
    const { text, offset } = at(['data "aws_iam_policy_document" "x" {', '  statement {', '    cond|', '  }', '}']);
    const condition = hclNameCompletions(text, offset, { start: 0, end: text.length })!.items.find((i) => i.label === 'condition')!;
    assert.equal(condition.plain, 'condition {\n      test     = "StringEquals"\n      variable = ""\n      values   = [""]\n    }');
    assert.equal(condition.snippet, 'condition {\n      test     = "${1:StringEquals}"\n      variable = "${2}"\n      values   = ["${3}"]\n    \\}$0');
  });
});
