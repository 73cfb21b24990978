// Names that a plain object inherits (`constructor`, `toString`, `valueOf`, `__proto__`) are
// text like any other: hovers find no documentation for them, settings keep or drop them by the
// schema, and a scenario's context keeps a key named `__proto__`.
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { loadIamData, type IamData } from '../../../server/src/data/iamData';
import { explainAt } from '../../../server/src/explain/hover';
import { parsePolicyText } from '../../../server/src/policy/parse';
import { readSettings } from '../../../server/src/settings';
import { loadScenario, runScenario } from '../../../server/src/simulate';

const PROTOTYPE_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

let data: IamData;
before(async () => {
  data = await loadIamData();
});

describe('hover over inherited names', () => {
  for (const name of PROTOTYPE_NAMES) {
    it(`shows nothing for a key, an Effect, a Version or a principal type named ${name}`, () => {
      const text = `{"Version": "${name}", "${name}": 1, "Statement": [{"${name}": 1, "Effect": "${name}", "Principal": {"${name}": "x"}}]}`;
      const root = parsePolicyText(text).root!;
      const hovers = [...text.matchAll(new RegExp(name, 'g'))].map((m) => explainAt(root, m.index! + 1, data)?.markdown ?? '');
      for (const h of hovers) assert.doesNotMatch(h, /native code|function|undefined/, h);
      assert.match(hovers[0], /is not a policy language version/);
      assert.match(hovers[3], /is not an effect/);
    });
  }
});

describe('settings follow the schema package.json contributes', () => {
  it('drops a document kind or a severity outside the schema, keeping the valid entries, and says why', () => {
    const logged: string[] = [];
    const settings = readSettings(
      { documentKinds: { '**': '__proto__', 'trust/*.json': 'trust' }, diagnostics: { REDUNDANT_ACTION: 'bogus', MISSING_VERSION: 'off' }, ownAccounts: ['111122223333', 'nope', 7], maxFileSize: -1 },
      (m) => logged.push(m),
    );
    assert.deepEqual(Object.entries(settings.documentKinds), [['trust/*.json', 'trust']]);
    assert.deepEqual(Object.entries(settings.diagnostics), [['MISSING_VERSION', 'off']]);
    assert.deepEqual(settings.ownAccounts, ['111122223333']);
    assert.equal(settings.maxFileSize, 1024 * 1024);
    assert.equal(logged.length, 5, logged.join('\n'));
    assert.ok(logged.some((m) => /iamSts\.documentKinds\["\*\*"\]: "__proto__" is not one of identity, resource, trust/.test(m)), logged.join('\n'));
    assert.ok(logged.some((m) => /iamSts\.diagnostics\["REDUNDANT_ACTION"\]: "bogus" is not one of error, warning/.test(m)), logged.join('\n'));
  });

  it('keeps globs and codes named like inherited properties as plain keys', () => {
    const raw = JSON.parse('{"documentKinds": {"__proto__": "trust", "constructor": "scp"}, "diagnostics": {"toString": "off"}}');
    const settings = readSettings(raw);
    assert.deepEqual(Object.entries(settings.documentKinds), [['__proto__', 'trust'], ['constructor', 'scp']]);
    assert.equal(settings.diagnostics.valueOf as unknown, undefined);
    assert.equal(settings.diagnostics.toString as unknown, 'off');
  });
});

describe('a scenario context key named __proto__', () => {
  it('is kept, so a condition on it decides as written', () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { __proto__: 'x' } } }] };
    const text = `{"principal": "arn:aws:iam::111122223333:user/alice", "policies": {"identity": ${JSON.stringify(policy).replace('"StringEquals":{}', '"StringEquals":{"__proto__":"x"}')}},
      "tests": [{"name": "t", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "context": {"__proto__": "x"}, "expect": "allowed"}]}`;
    assert.match(text, /"StringEquals":\{"__proto__":"x"\}/);
    const scenario = loadScenario(text, path.resolve('/work/sim/p.iamsim.json'), () => undefined);
    assert.deepEqual(Object.entries(scenario.tests[0].request.context ?? {}), [['__proto__', 'x']]);
    assert.equal(runScenario(scenario).tests[0].decision, 'allowed');
  });
});
