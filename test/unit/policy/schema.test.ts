import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { analyzePolicyText, type Problem } from '../../../server/src/analysis/analyzePolicy';
import type { Diagnostic } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { detectKind } from '../../../server/src/policy/kinds';
import type { DocumentKind } from '../../../server/src/policy/model';
import { parsePolicyText } from '../../../server/src/policy/parse';
import { jsonDocumentFromTree, jsonLanguageService, provablyValid } from '../../../server/src/policy/schemaValidation';
import { schemaUri } from '../../../server/src/policy/schemas';

async function schemaProblems(text: string, kind: DocumentKind): Promise<Problem[]> {
  const analysis = await analyzePolicyText(text, { kind: () => kind });
  return analysis.problems.filter((p) => p.source === 'schema');
}

function at(text: string, p: Problem): string {
  return text.slice(p.range.start, p.range.end);
}

test('flags a wrong Effect value on the value itself', async () => {
  const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Alow", "Action": "s3:*", "Resource": "*"}]}';
  const [p, ...rest] = await schemaProblems(text, 'identity');
  assert.equal(rest.length, 0);
  assert.equal(at(text, p), '"Alow"');
  assert.match(p.message, /Effect must be "Allow" or "Deny"/);
  assert.equal(p.type, 'ERROR');
});

test('flags a misspelt element on its key', async () => {
  const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Actoin": "s3:*", "Resource": "*"}]}';
  const problems = await schemaProblems(text, 'identity');
  assert.ok(problems.some((p) => at(text, p) === '"Actoin"' && /Actoin is not allowed/.test(p.message)));
});

test('flags a misspelt top-level element and a wrong Version', async () => {
  const text = '{"Version": "2012-10-18", "Statment": []}';
  const problems = await schemaProblems(text.replace('"Statment": []', '"Statment": [], "Statement": []'), 'identity');
  assert.ok(problems.some((p) => /Statment is not allowed/.test(p.message)));
  assert.ok(problems.some((p) => /Version must be/.test(p.message)));
});

const kindCases: Array<{ name: string; kind: DocumentKind; statement: object; message?: RegExp }> = [
  { name: 'a trust policy without Principal', kind: 'trust', statement: { Effect: 'Allow', Action: 'sts:AssumeRole' }, message: /Missing property "Principal"/ },
  { name: 'a trust policy with Resource', kind: 'trust', statement: { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }, message: /trust policy cannot have a Resource/ },
  { name: 'a trust policy with NotPrincipal', kind: 'trust', statement: { Effect: 'Deny', Principal: '*', NotPrincipal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }, message: /NotPrincipal/ },
  { name: 'an identity policy with Principal', kind: 'identity', statement: { Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }, message: /identity-based policy cannot have a Principal/ },
  { name: 'a session policy with Principal', kind: 'session', statement: { Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }, message: /session policy cannot have a Principal/ },
  { name: 'a boundary with Principal', kind: 'boundary', statement: { Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }, message: /permissions boundary cannot have a Principal/ },
  { name: 'an SCP with Principal', kind: 'scp', statement: { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }, message: /SCP cannot have a Principal/ },
  { name: 'an RCP whose Principal is not "*"', kind: 'rcp', statement: { Effect: 'Deny', Principal: { AWS: '111122223333' }, Action: 's3:*', Resource: '*' }, message: /RCP's Principal must be "\*"/ },
  { name: 'a resource policy without Principal', kind: 'resource', statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, message: /Missing property "Principal"/ },
  { name: 'a principal map with an unknown key', kind: 'resource', statement: { Effect: 'Allow', Principal: { Aws: '111122223333' }, Action: 's3:GetObject', Resource: '*' }, message: /only the keys AWS, Service, Federated and CanonicalUser|Aws is not allowed/ },
];

for (const c of kindCases) {
  test(`rejects ${c.name}`, async () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [c.statement] });
    const problems = await schemaProblems(text, c.kind);
    assert.ok(problems.some((p) => c.message!.test(p.message)), `got: ${problems.map((p) => p.message).join(' | ')}`);
  });
}

const validCases: Array<{ kind: DocumentKind; statement: object }> = [
  { kind: 'trust', statement: { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' } },
  { kind: 'rcp', statement: { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc' } } } },
  { kind: 'resource', statement: { Effect: 'Allow', Principal: { AWS: ['111122223333', 'arn:aws:iam::444455556666:role/R'] }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' } },
  { kind: 'scp', statement: { Effect: 'Deny', NotAction: ['iam:*'], NotResource: '*', Condition: { Bool: { 'aws:SecureTransport': false }, NumericLessThan: { 's3:max-keys': 10 } } } },
];

for (const c of validCases) {
  test(`accepts a well-formed ${c.kind} policy`, async () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: c.statement });
    assert.deepEqual(await schemaProblems(text, c.kind), []);
  });
}

test('finds no grammar error in any AWS managed policy, SCP or RCP of the corpus', async (t) => {
  const corpus = path.resolve(__dirname, '../../../../shared/corpus');
  const folders: Array<[string, DocumentKind]> = [['managed', 'identity'], ['scp', 'scp'], ['rcp', 'rcp']];
  let checked = 0;
  const failures: string[] = [];
  for (const [folder, kind] of folders) {
    for (const name of readdirSync(path.join(corpus, folder)).filter((n) => n.endsWith('.json'))) {
      const text = readFileSync(path.join(corpus, folder, name), 'utf8');
      const analysis = await analyzePolicyText(text, { kind: () => kind });
      checked++;
      const bad = analysis.problems.filter((p) => p.source !== 'lint');
      if (!analysis.model) failures.push(`${folder}/${name}: not recognised as a policy`);
      for (const p of bad) failures.push(`${folder}/${name}: ${p.message}`);
    }
  }
  t.diagnostic(`${checked} corpus documents checked`);
  assert.equal(checked, 1770);
  assert.deepEqual(failures, []);
});

// One parse serves the model and the schema: the service's document is built from the policy
// parser's tree. It must validate exactly as the service's own parse of the same text does.
async function bothWays(text: string, kind: DocumentKind): Promise<{ ours: unknown[]; service: unknown[] }> {
  const document = TextDocument.create('inmemory://policy.json', 'json', 0, text);
  const parsed = parsePolicyText(text);
  const settings = { comments: 'ignore', trailingCommas: 'ignore', schemaValidation: 'error' } as const;
  const schema = { $ref: schemaUri(kind) };
  const strip = (ds: Diagnostic[]) => ds.map((d) => ({ range: d.range, message: d.message, severity: d.severity, code: d.code }));
  return {
    ours: strip(await jsonLanguageService().doValidation(document, jsonDocumentFromTree(parsed.root, document), settings, schema)),
    service: strip(await jsonLanguageService().doValidation(document, jsonLanguageService().parseJSONDocument(document), settings, schema)),
  };
}

test('the schema sees the policy parser\'s tree as it sees its own parse: duplicate keys, numbers, nesting', async () => {
  const texts = [
    '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Effect": "Deny", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}}',
    '{"Version": 2012, "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", 1.5, 1e3, true, null], "Resource": {"a": [1]}}]}',
    '{"Version": "2012-10-17", "Statement": [{"Sid": 7, "Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": [false, "x"]}, "X": 1}}]}',
    '{"Statement": [], "//": 1, "//": 2, "Id": ["x"]}',
  ];
  for (const text of texts) {
    for (const kind of ['identity', 'trust', 'resource', 'rcp'] as DocumentKind[]) {
      const { ours, service } = await bothWays(text, kind);
      assert.ok(service.length > 0);
      assert.deepEqual(ours, service, `${kind}: ${text}`);
    }
  }
});

test('the schema sees every corpus document the same through the policy parser\'s tree', async () => {
  const corpus = path.resolve(__dirname, '../../../../shared/corpus');
  let checked = 0;
  let withProblems = 0;
  for (const folder of readdirSync(corpus).filter((f) => statSync(path.join(corpus, f)).isDirectory())) {
    for (const name of readdirSync(path.join(corpus, folder)).filter((n) => n.endsWith('.json'))) {
      const file = path.join(corpus, folder, name);
      const text = readFileSync(file, 'utf8');
      const parsed = parsePolicyText(text);
      if (!parsed.model || parsed.syntaxErrors.length > 0) continue;
      const { ours, service } = await bothWays(text, detectKind(file, parsed.model));
      checked++;
      if (service.length > 0) withProblems++;
      assert.deepEqual(ours, service, file);
    }
  }
  assert.ok(checked >= 2212, `${checked} checked`);
  assert.ok(withProblems > 0);
});

// Documents Ajv finds valid skip the language service's walk: that must never hide a problem.
test('a document Ajv passes is one the language service finds nothing in (corpus and cases), and most pass', async () => {
  const corpus = path.resolve(__dirname, '../../../../shared/corpus');
  const texts: Array<{ id: string; text: string; kind?: DocumentKind }> = [];
  for (const folder of readdirSync(corpus).filter((f) => statSync(path.join(corpus, f)).isDirectory())) {
    for (const name of readdirSync(path.join(corpus, folder)).filter((n) => n.endsWith('.json'))) {
      texts.push({ id: path.join(corpus, folder, name), text: readFileSync(path.join(corpus, folder, name), 'utf8') });
    }
  }
  for (const kind of ['identity', 'resource', 'trust', 'session', 'boundary', 'scp', 'rcp'] as DocumentKind[]) {
    for (const c of [...kindCases, ...validCases]) texts.push({ id: `${kind} case`, kind, text: JSON.stringify({ Version: '2012-10-17', Statement: [c.statement] }) });
  }
  let passed = 0;
  for (const { id, text, kind: forced } of texts) {
    const parsed = parsePolicyText(text);
    if (!parsed.model) continue;
    const kind = forced ?? detectKind(id, parsed.model);
    if (!provablyValid(parsed, kind)) continue;
    passed++;
    const { service } = await bothWays(text, kind);
    assert.deepEqual(service, [], `${id} (${kind})`);
  }
  assert.ok(passed > 2000, `${passed} passed`);
});

test('duplicate keys, comments and schema faults still reach the language service', async () => {
  const duplicate = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Action": "s3:*", "Resource": "*"}}';
  const withComment = '{"Version": "2012-10-17", /* note */ "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}';
  for (const text of [duplicate, withComment]) assert.equal(provablyValid(parsePolicyText(text), 'identity'), false);
  const problems = await schemaProblems(duplicate, 'identity');
  assert.ok(problems.some((p) => /Duplicate object key/.test(p.message) && p.type === 'WARNING'), problems.map((p) => p.message).join(' | '));
  assert.deepEqual(await schemaProblems(withComment, 'identity'), []);
  const wrongEffect = '{"Version": "2012-10-17", "Statement": {"Effect": "Alow", "Action": "s3:*", "Resource": "*"}}';
  assert.equal(provablyValid(parsePolicyText(wrongEffect), 'identity'), false);
});
