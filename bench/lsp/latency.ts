// Benchmark, not a test: how long after an edit the language server publishes diagnostics, over
// stdio against dist/server.js (run `npm run build` first): p50 and p95 over N edits, against
// vscode-json-languageservice validating the same texts with our schema alone, in process (the
// reference pays no stdio round trip, so the ratio is conservative). A CloudFormation template
// is measured once the server publishes diagnostics for one (embedded policies).
//
//   node --import tsx bench/lsp/latency.ts [--edits N]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { allSchemas, schemaUri } from '../../server/src/policy/schemas';
import type { DocumentKind } from '../../server/src/policy/model';
import { TestLanguageClient } from '../../test/lsp/lspClient';
import { findCorpus } from '../../test/unit/lint/corpusPath';
import { arg, median, ms, percentile, REPO, runAlone, times, type BenchRow } from '../report';

/** A cross-account trust policy of about 2 KB: the size of a real one with a few conditions. */
export function twoKbTrustPolicy(): string {
  const statement = (i: number) =>
    `    {\n      "Sid": "Partner${i}",\n      "Effect": "Allow",\n      "Principal": { "AWS": "arn:aws:iam::44445555666${i}:root" },\n      "Action": "sts:AssumeRole",\n      "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "true" }, "IpAddress": { "aws:SourceIp": "203.0.113.0/24" } }\n    }`;
  const statements: string[] = [];
  let text = '';
  for (let i = 0; text.length < 2048; i++) {
    statements.push(statement(i));
    text = `{\n  "Version": "2012-10-17",\n  "Statement": [\n${statements.join(',\n')}\n  ]\n}\n`;
  }
  return text;
}

/** A CloudFormation template of about `lines` lines: roles whose trust policies lack an ExternalId. */
export function yamlTemplate(lines: number): string {
  const out = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:'];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `  PartnerRole${i}:`,
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Effect: Allow',
      `            Principal: { AWS: "arn:aws:iam::44445555${String(i).padStart(4, '0')}:root" }`,
      '            Action: sts:AssumeRole',
      '      Policies:',
      `        - PolicyName: read${i}`,
      '          PolicyDocument:',
      '            Version: "2012-10-17"',
      '            Statement:',
      '              - Effect: Allow',
      '                Action: [s3:GetObject, s3:ListBucket]',
      `                Resource: !Sub "arn:aws:s3:::bucket-${i}/*"`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** The edit: one space added or removed before "Version", so every change changes the text. */
function edited(text: string, i: number): string {
  return i % 2 === 0 ? text.replace(/("?)Version/, ' $1Version') : text;
}

/** `opened`: the document is already open with `text` (opening it again publishes nothing new: that version's diagnostics are out). */
async function serverLatency(client: TestLanguageClient, uri: string, text: string, edits: number, languageId = 'json', opened = false): Promise<number[]> {
  if (!opened) await client.open(uri, text, languageId);
  const out: number[] = [];
  for (let i = 0; i < edits; i++) {
    const start = performance.now();
    await client.change(uri, edited(text, i));
    out.push(performance.now() - start);
  }
  return out;
}

async function schemaOnlyLatency(text: string, kind: DocumentKind, edits: number): Promise<number[]> {
  const ls = getLanguageService({});
  const uri = schemaUri(kind);
  ls.configure({ validate: true, allowComments: true, schemas: allSchemas().map((s) => (s.uri === uri ? { ...s, fileMatch: ['*'] } : s)) });
  const out: number[] = [];
  // Warm-up: the service compiles the schema on first use.
  for (let i = -5; i < edits; i++) {
    const doc = TextDocument.create(`file:///ref/${kind}.json`, 'json', i + 10, edited(text, i));
    const start = performance.now();
    const json = ls.parseJSONDocument(doc);
    await ls.doValidation(doc, json, { schemaValidation: 'error' });
    if (i >= 0) out.push(performance.now() - start);
  }
  return out;
}

/**
 * Whether the server analyses a YAML CloudFormation template: its roles trust other accounts
 * without an ExternalId, so an analysing server publishes at least one diagnostic (an empty
 * publication only clears).
 */
async function publishesForTemplate(client: TestLanguageClient, uri: string, text: string): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 5000));
  const opened = client.open(uri, text, 'yaml').then((d) => d.length > 0);
  return Promise.race([opened, timeout]);
}

export async function lspBench(): Promise<BenchRow[]> {
  const edits = arg('edits', 200);
  const corpus = findCorpus(REPO);
  const client = new TestLanguageClient();
  await client.start();
  const rows: BenchRow[] = [];
  try {
    // Warm-up: the first analysis waits for the IAM service reference to load.
    await client.open('file:///bench/warm.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}');
    const cases: Array<{ label: string; uri: string; text: string; kind: DocumentKind; goal: string }> = [
      { label: '2 KB trust policy', uri: 'file:///bench/trust-policy.json', text: twoKbTrustPolicy(), kind: 'trust', goal: 'p95 ≤ 10 ms, within 3×' },
      {
        label: 'AWSSupportServiceRolePolicy',
        uri: 'file:///bench/AWSSupportServiceRolePolicy.json',
        text: readFileSync(path.join(corpus, 'managed', 'AWSSupportServiceRolePolicy.json'), 'utf8'),
        kind: 'identity',
        goal: 'p95 ≤ 100 ms, within 3×',
      },
    ];
    for (const c of cases) {
      const ours = await serverLatency(client, c.uri, c.text, edits);
      const ref = await schemaOnlyLatency(c.text, c.kind, edits);
      rows.push({
        group: 'Language server',
        item: `didChange → diagnostics, ${c.label} (${(c.text.length / 1024).toFixed(0)} KB), ${edits} edits`,
        ratio: `p50 ${times(median(ours) / median(ref))}, p95 ${times(percentile(ours, 95) / percentile(ref, 95))} schema-only`,
        ours: `p50 ${ms(median(ours))}, p95 ${ms(percentile(ours, 95))}`,
        reference: `vscode-json-languageservice + our schema: p50 ${ms(median(ref))}, p95 ${ms(percentile(ref, 95))}`,
        goal: c.goal,
        data: { oursMs: ours, schemaOnlyMs: ref },
      });
    }
    const template = yamlTemplate(3000);
    const templateUri = 'file:///bench/template.yaml';
    if (await publishesForTemplate(client, templateUri, template)) {
      const ours = await serverLatency(client, templateUri, template, edits, 'yaml', true);
      rows.push({
        group: 'Language server',
        item: `didChange → diagnostics, 3,000-line CloudFormation template, ${edits} edits`,
        ratio: 'n/a (no schema-only reference for YAML)',
        ours: `p50 ${ms(median(ours))}, p95 ${ms(percentile(ours, 95))}`,
        reference: '',
        goal: 'p95 ≤ 100 ms',
        data: { oursMs: ours },
      });
    } else {
      rows.push({ group: 'Language server', item: 'didChange → diagnostics, 3,000-line CloudFormation template', ratio: 'n/a (embedded policies not built)', ours: 'n/a', reference: '', goal: 'p95 ≤ 100 ms' });
    }
  } finally {
    await client.stop();
  }
  return rows;
}

if (require.main === module) runAlone('lsp', lspBench);
