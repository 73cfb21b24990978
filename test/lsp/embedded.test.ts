// Policies inside templates and Terraform files over stdio: diagnostics on the host's lines,
// hover on an action, quick fixes written in the host's syntax, a code lens per policy.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CodeActionRequest, CodeLensRequest, CompletionRequest, HoverRequest, type CodeAction, type CodeLens, type CompletionList, type Diagnostic, type MarkupContent, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestLanguageClient } from './lspClient';

let client: TestLanguageClient;

before(async () => {
  client = new TestLanguageClient();
  await client.start();
});
after(() => client.stop());

const template = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Resources:',
  '  VendorRole:',
  '    Type: AWS::IAM::Role',
  '    Properties:',
  '      AssumeRolePolicyDocument:',
  '        Version: "2012-10-17"',
  '        Statement:',
  '          - Effect: Allow',
  '            Principal:',
  '              AWS: arn:aws:iam::444455556666:root',
  '            Action: sts:AssumeRole',
  '            Condition:',
  '              Bool:',
  '                aws:MultiFactorAuthPresent: "true"',
  '      Policies:',
  '        - PolicyName: read',
  '          PolicyDocument:',
  '            Version: "2012-10-17"',
  '            Statement:',
  '              - Effect: Allow',
  '                Action: s3:GetObject',
  '                Resource: !Sub "arn:${AWS::Partition}:s3:::${Bucket}/*"',
  '  Bucket:',
  '    Type: AWS::S3::Bucket',
].join('\n');

async function quickFix(uri: string, warning: Diagnostic): Promise<CodeAction> {
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: warning.range, context: { diagnostics: [warning] } })) as CodeAction[];
  assert.ok(actions[0]?.edit, JSON.stringify(actions));
  return actions[0];
}

test('a YAML template: the cross-account warning on the principal line, and the quick fix writes a YAML condition', async () => {
  const uri = 'file:///tmp/embedded/template.yaml';
  const diagnostics = await client.open(uri, template, 'yaml');
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.range.start.line]),
    [['MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL', 10]],
  );
  const fix = await quickFix(uri, diagnostics[0]);
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, template), fix.edit!.changes![uri]);
  assert.ok(fixed.includes('\n              StringEquals:\n                sts:ExternalId: "EXTERNAL_ID"\n'), fixed);
  const republished = await client.change(uri, fixed);
  assert.deepEqual(republished, []);
  await client.change(uri, template);
});

test('hover on an action inside a template explains it', async () => {
  const uri = 'file:///tmp/embedded/template-hover.yaml';
  await client.open(uri, template, 'yaml');
  const doc = TextDocument.create(uri, 'yaml', 1, template);
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(template.indexOf('s3:GetObject') + 4) });
  assert.match((hover?.contents as MarkupContent).value, /\*\*s3:GetObject\*\*/);
  assert.deepEqual(hover?.range?.start, doc.positionAt(template.indexOf('s3:GetObject')));
});

test('a code lens above each embedded policy gives its kind and finding count', async () => {
  const uri = 'file:///tmp/embedded/template-lens.yaml';
  await client.open(uri, template, 'yaml');
  const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
  assert.deepEqual(
    lenses.map((l) => [l.range.start.line, l.command?.title]),
    [
      [5, 'IAM trust policy: 1 finding'],
      [17, 'IAM identity policy: no findings'],
    ],
  );
  // Clicking the lens with findings lists them: the command gets that policy's diagnostics.
  assert.equal(lenses[0].command?.command, 'iamSts.showPolicyFindings');
  assert.deepEqual(lenses[0].command?.arguments, [
    {
      uri,
      locator: 'VendorRole.AssumeRolePolicyDocument',
      kind: 'IAM trust policy',
      findings: [{ severity: 2, code: 'MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL', message: lenses[0].command!.arguments![0].findings[0].message, range: { start: { line: 10, character: 19 }, end: { line: 10, character: 49 } } }],
    },
  ]);
  assert.match(lenses[0].command!.arguments![0].findings[0].message, /ExternalId/);
  assert.equal(lenses[1].command?.command, '');
});

test('a policy file gets no code lens: the status bar says its kind', async () => {
  const uri = 'file:///tmp/embedded/policy.json';
  await client.open(uri, '{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }');
  const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
  assert.deepEqual(lenses, []);
});

test('a .tf file: the warning on a policy document, and the quick fix adds an HCL condition block', async () => {
  const uri = 'file:///tmp/embedded/main.tf';
  const text = [
    'data "aws_iam_policy_document" "trust" {',
    '  statement {',
    '    actions = ["sts:AssumeRole"]',
    '    principals {',
    '      type        = "AWS"',
    '      identifiers = ["arn:aws:iam::444455556666:root"]',
    '    }',
    '    condition {',
    '      test     = "Bool"',
    '      variable = "aws:MultiFactorAuthPresent"',
    '      values   = ["true"]',
    '    }',
    '  }',
    '}',
    '',
    'resource "aws_iam_role" "vendor" {',
    '  assume_role_policy = data.aws_iam_policy_document.trust.json',
    '}',
  ].join('\n');
  const diagnostics = await client.open(uri, text, 'terraform');
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.range.start.line]),
    [['MISSING_EXTERNAL_ID_FOR_THIRD_PARTY_PRINCIPAL', 5]],
  );
  const fix = await quickFix(uri, diagnostics[0]);
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'terraform', 1, text), fix.edit!.changes![uri]);
  assert.ok(fixed.includes('    }\n\n    condition {\n      test     = "StringEquals"\n      variable = "sts:ExternalId"\n      values   = ["EXTERNAL_ID"]\n    }\n  }\n}'), fixed);
  assert.deepEqual(await client.change(uri, fixed), []);
});

test('hover on sts:AssumeRole in a template role\'s trust policy says how long its sessions may last', async () => {
  const uri = 'file:///tmp/embedded/session-role.yaml';
  const text = [
    'Resources:',
    '  Ops:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    '      MaxSessionDuration: 7200',
    '      AssumeRolePolicyDocument:',
    '        Version: "2012-10-17"',
    '        Statement:',
    '          - Effect: Allow',
    '            Principal: { Service: ec2.amazonaws.com }',
    '            Action: sts:AssumeRole',
  ].join('\n');
  await client.open(uri, text, 'yaml');
  const doc = TextDocument.create(uri, 'yaml', 1, text);
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(text.indexOf('sts:AssumeRole') + 5) });
  assert.match((hover?.contents as MarkupContent).value, /This role's sessions last up to \*\*2 hours\*\* \(`MaxSessionDuration` 7200\)/);
});

async function completionLabels(uri: string, text: string, needle: string): Promise<{ labels: string[]; edit?: TextEdit }> {
  const doc = TextDocument.create(uri, 'x', 1, text);
  const position = doc.positionAt(text.indexOf(needle) + needle.length);
  const result = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionList | null;
  const items = result?.items ?? [];
  return { labels: items.map((i) => i.label), edit: items.find((i) => i.label === 's3:GetObject')?.textEdit as TextEdit | undefined };
}

test('completes a service\'s actions in a YAML template and in a Terraform policy document', async () => {
  const yamlUri = 'file:///tmp/embedded/complete.yaml';
  const yaml = ['Resources:', '  P:', '    Type: AWS::IAM::ManagedPolicy', '    Properties:', '      PolicyDocument:', '        Version: "2012-10-17"', '        Statement:', '          - Effect: Allow', '            Resource: "*"', '            Action:', '              - s3:'].join('\n');
  await client.open(yamlUri, yaml, 'yaml');
  const inYaml = await completionLabels(yamlUri, yaml, '- s3:');
  assert.ok(inYaml.labels.includes('s3:GetObject'), inYaml.labels.slice(0, 5).join(', '));
  // The item replaces what was typed, `s3:` with its colon.
  assert.deepEqual(inYaml.edit?.range, { start: { line: 10, character: 16 }, end: { line: 10, character: 19 } });

  const tfUri = 'file:///tmp/embedded/complete.tf';
  const tf = ['data "aws_iam_policy_document" "x" {', '  statement {', '    actions   = ["s3:"]', '    resources = ["*"]', '  }', '}'].join('\n');
  await client.open(tfUri, tf, 'terraform');
  const inTf = await completionLabels(tfUri, tf, '["s3:');
  assert.ok(inTf.labels.includes('s3:GetObject'), inTf.labels.slice(0, 5).join(', '));
});

test("completes a Terraform policy document's attribute and block names, written as HCL at the line's indentation", async () => {
  const uri = 'file:///tmp/embedded/complete-names.tf';
  const text = ['data "aws_iam_policy_document" "x" {', '  statement {', '    actions = ["s3:GetObject"]', '    princ', '  }', '}'].join('\n');
  await client.open(uri, text, 'terraform');
  const doc = TextDocument.create(uri, 'terraform', 1, text);
  const position = doc.positionAt(text.indexOf('princ') + 5);
  const result = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionList | null;
  assert.deepEqual(result?.items.map((i) => i.label), ['principals']);
  const edit = result!.items[0].textEdit as TextEdit;
  assert.equal(
    TextDocument.applyEdits(doc, [edit]),
    ['data "aws_iam_policy_document" "x" {', '  statement {', '    actions = ["s3:GetObject"]', '    principals {', '      type        = "AWS"', '      identifiers = [""]', '    }', '  }', '}'].join('\n'),
  );
  // Inside the new block: its own names.
  const inBlock = ['data "aws_iam_policy_document" "x" {', '  statement {', '    condition {', '      ', '    }', '  }', '}'].join('\n');
  await client.change(uri, inBlock);
  const names = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: 6 } })) as CompletionList | null;
  assert.deepEqual(names?.items.map((i) => i.label), ['test', 'variable', 'values']);
});
