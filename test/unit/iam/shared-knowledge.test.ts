// One body of IAM knowledge: the linter, the hovers and the engine read condition operators,
// wildcards, ARNs and IP addresses through the same modules (server/src/iam), so they cannot
// disagree about what they mean; each pair below is the linter's reading and the engine's.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { CONDITION_OPERATORS as ENGINE_OPERATORS, parseOperatorName } from '../../../server/src/engine/conditions/registry';
import { OPERATOR_FACTS, parseOperator } from '../../../server/src/iam/condition-operators';
import { compileGlob, globMatches, wildcardMatch } from '../../../server/src/iam/wildcard';
import { parseArn, splitArn } from '../../../server/src/iam/arn';
import { parseCidr } from '../../../server/src/iam/ip';
import { parseCidr as parseLintCidr } from '../../../server/src/lint/support/ipRanges';

describe('condition operators', () => {
  it('the engine compares every operator of the shared table, with the table\'s family and negation', () => {
    assert.deepEqual(ENGINE_OPERATORS.map((o) => o.name).sort(), OPERATOR_FACTS.map((f) => f.name).sort());
    for (const op of ENGINE_OPERATORS) {
      const facts = OPERATOR_FACTS.find((f) => f.name === op.name)!;
      assert.equal(op.family, facts.family, op.name);
      assert.equal(op.negated, facts.negated, op.name);
      assert.equal(op.acceptsVariables, facts.family === 'String' || facts.family === 'Arn', op.name);
    }
  });

  it('the linter and the engine read every written operator name alike', () => {
    const names: string[] = [];
    for (const f of OPERATOR_FACTS) {
      for (const q of ['', 'ForAllValues:', 'forAnyValue:', 'Sometimes:']) {
        for (const tail of ['', 'IfExists', 'ifexists']) names.push(`${q}${f.name}${tail}`, `${q}${f.name.toUpperCase()}${tail}`);
      }
    }
    names.push('IfExists', 'StringEqualsIfExistsIfExists', 'ForAllValues:', ':StringEquals', '');
    for (const name of names) {
      const lint = parseOperator(name);
      const engine = parseOperatorName(name);
      const nullWithExtras = lint?.base === 'Null' && (lint.ifExists || lint.qualifier !== undefined);
      // The engine refuses Null with IfExists or a qualifier (NULL_WITH_IF_EXISTS / NULL_WITH_QUALIFIER in the linter).
      assert.equal(engine.operator?.name, nullWithExtras ? undefined : lint?.base, name);
      if (lint) assert.deepEqual([engine.qualifier, engine.ifExists], [lint.qualifier, lint.ifExists], name);
    }
  });
});

describe('wildcards', () => {
  it('the linter\'s matcher is the engine\'s', () => {
    const cases: Array<[string, string, boolean]> = [
      ['iam:*AccessKey*', 'iam:CreateAccessKey', false],
      ['IAM:create*', 'iam:CreateUser', true],
      ['a?c*', 'abcdef', false],
      ['*a*b', 'xaxb', false],
      ['*a*b', 'xbxa', false],
      ['', '', false],
      ['*', '', false],
    ];
    for (const [pattern, value, ignoreCase] of cases) {
      assert.equal(wildcardMatch(pattern, value, ignoreCase), globMatches(compileGlob(pattern, ignoreCase), value), `${pattern} ${value}`);
    }
  });
});

describe('ARNs', () => {
  it('splits the resource part with its colons kept', () => {
    assert.deepEqual(splitArn('arn:aws:logs:us-east-1:111122223333:log-group:/aws/x:*'), ['arn', 'aws', 'logs', 'us-east-1', '111122223333', 'log-group:/aws/x:*']);
    assert.deepEqual(parseArn('arn:aws:s3:::bucket/key'), { partition: 'aws', service: 's3', region: '', account: '', resource: 'bucket/key' });
    assert.equal(parseArn('arn:aws:s3::bucket'), undefined);
    assert.equal(parseArn('nra:aws:s3:::bucket'), undefined);
  });
});

describe('IP addresses', () => {
  it('the linter\'s IP range checks read every address as the engine does', () => {
    const texts = ['10.1.2.3', '203.0.113.0/24', '2001:db8::/32', '::ffff:192.0.2.1', '::ffff:192.0.2.0/120', '1:2:3:4:5:6:7:8', '::', '::1/128', 'fc00::/7'];
    for (const text of texts) {
      const lint = parseLintCidr(text);
      const engine = parseCidr(text);
      assert.ok(lint && engine, text);
      const shift = BigInt((lint.version === 4 ? 32 : 128) - lint.bits);
      assert.deepEqual([lint.version, lint.bits, (lint.address >> shift) << shift], [engine.version, engine.prefix, engine.network], text);
    }
  });
});
