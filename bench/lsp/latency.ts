// Benchmark, not a test: how long after an edit the language server publishes diagnostics, over
// stdio against dist/server.js (run `npm run build` first): p50 and p95 over N edits. The
// reference is vscode-json-languageservice validating the same texts with our schema alone, in a
// server of its own behind the same stdio connection (schemaOnlyServer.ts, bundled as ours is),
// so that both sides pay the same transport; the same validation in process, with no transport,
// is printed beside it. The 3,000-line YAML CloudFormation template is measured against the same
// service given the template's policies (parsed with the yaml package, each policy validated as
// JSON with our schema for its kind), as a YAML server holding our schemas would validate it.
//
//   node --import tsx bench/lsp/latency.ts [--edits N]
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { TextDocument } from 'vscode-json-languageservice';
import type { DocumentKind } from '../../server/src/policy/model';
import { TestLanguageClient } from '../../test/lsp/lspClient';
import { findCorpus } from '../../test/unit/lint/corpusPath';
import { arg, median, ms, percentile, REPO, RESULTS_DIR, runAlone, times, type BenchRow } from '../report';
import { schemaOnlyServices, templatePolicies } from './schemaOnlyServer';

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

/** A keystroke in the template: a space added or removed inside the middle role's policy. */
function editedTemplate(text: string, i: number): string {
  if (i % 2 !== 0) return text;
  const at = text.indexOf('Action: [s3:GetObject', text.length / 2);
  return `${text.slice(0, at)}Action:  ${text.slice(at + 'Action: '.length)}`;
}

type Edit = (text: string, i: number) => string;

async function serverLatency(client: TestLanguageClient, uri: string, text: string, edits: number, languageId = 'json', edit: Edit = edited): Promise<number[]> {
  await client.open(uri, text, languageId);
  const out: number[] = [];
  for (let i = 0; i < edits; i++) {
    const start = performance.now();
    await client.change(uri, edit(text, i));
    out.push(performance.now() - start);
  }
  return out;
}

/** The schema-only reference server, bundled with the options esbuild.mjs gives ours. */
export function referenceServer(): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const outfile = path.join(RESULTS_DIR, 'schema-only-server.cjs');
  buildSync({ entryPoints: [path.join(__dirname, 'schemaOnlyServer.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], minify: true, outfile, logLevel: 'warning' });
  return outfile;
}

/** The same validation in process, with no transport: for context. */
async function inProcessLatency(text: string, kind: DocumentKind, edits: number): Promise<number[]> {
  const ls = schemaOnlyServices().get(kind)!;
  const out: number[] = [];
  // Warm-up: the service compiles the schema on first use.
  for (let i = -5; i < edits; i++) {
    const doc = TextDocument.create(`file:///ref/${kind}.json`, 'json', i + 10, edited(text, i));
    const start = performance.now();
    await ls.doValidation(doc, ls.parseJSONDocument(doc), { schemaValidation: 'error' });
    if (i >= 0) out.push(performance.now() - start);
  }
  return out;
}

/** Per edit, in process: the YAML parsed and every policy of it validated with our schema for its kind. */
async function inProcessTemplateLatency(text: string, edits: number): Promise<number[]> {
  const services = schemaOnlyServices();
  const out: number[] = [];
  for (let i = -5; i < edits; i++) {
    const start = performance.now();
    let n = 0;
    for (const p of templatePolicies(editedTemplate(text, i))) {
      const ls = services.get(p.kind)!;
      const doc = TextDocument.create(`file:///ref/${p.kind}-${n++}.json`, 'json', i + 10, p.json);
      await ls.doValidation(doc, ls.parseJSONDocument(doc), { schemaValidation: 'error' });
    }
    if (i >= 0) out.push(performance.now() - start);
  }
  return out;
}

const pcts = (xs: number[]) => `p50 ${ms(median(xs))}, p95 ${ms(percentile(xs, 95))}`;

/**
 * Whether the server analyses a YAML CloudFormation template: a small one whose role trusts
 * another account without an ExternalId gets at least one diagnostic (an empty publication only
 * clears). A document of its own, closed afterwards: the measured template opens at version 1.
 */
async function publishesForTemplate(client: TestLanguageClient): Promise<boolean> {
  const uri = 'file:///bench/probe-template.yaml';
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 5000));
  const opened = client.open(uri, yamlTemplate(20), 'yaml').then((d) => d.length > 0);
  const analysed = await Promise.race([opened, timeout]);
  await client.close(uri);
  return analysed;
}

export async function lspBench(): Promise<BenchRow[]> {
  const edits = arg('edits', 200);
  const corpus = findCorpus(REPO);
  const client = new TestLanguageClient();
  const reference = new TestLanguageClient({}, {}, { server: referenceServer() });
  await Promise.all([client.start(), reference.start()]);
  const rows: BenchRow[] = [];
  // Half the edits on each side, then the other half: neither side gets all the quiet moments of the machine.
  const both = async (uri: string, text: string, languageId?: string, edit?: Edit) => {
    const ours = await serverLatency(client, uri, text, edits / 2, languageId, edit);
    const ref = await serverLatency(reference, uri, text, edits / 2, languageId, edit);
    ours.push(...(await serverLatency(client, `${uri}?again`, text, edits / 2, languageId, edit)));
    ref.push(...(await serverLatency(reference, `${uri}?again`, text, edits / 2, languageId, edit)));
    return { ours, ref };
  };
  try {
    // Warm-up: our first analysis waits for the IAM service reference to load; the reference compiles its schemas.
    const warm = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}';
    await client.open('file:///bench/warm.json', warm);
    await reference.open('file:///bench/warm.json', warm);
    await reference.open('file:///bench/warm-trust.json', warm);
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
      const { ours, ref } = await both(c.uri, c.text);
      const inProcess = await inProcessLatency(c.text, c.kind, edits);
      rows.push({
        group: 'Language server',
        item: `didChange → diagnostics, ${c.label} (${(c.text.length / 1024).toFixed(0)} KB), ${edits} edits`,
        ratio: `p50 ${times(median(ours) / median(ref))}, p95 ${times(percentile(ours, 95) / percentile(ref, 95))} the schema-only server`,
        ours: pcts(ours),
        reference: `vscode-json-languageservice + our schema as a server over stdio: ${pcts(ref)}; in process: ${pcts(inProcess)}`,
        goal: c.goal,
        data: { oursMs: ours, schemaOnlyServerMs: ref, schemaOnlyInProcessMs: inProcess },
      });
    }
    const template = yamlTemplate(3000);
    const templateUri = 'file:///bench/template.yaml';
    if (await publishesForTemplate(client)) {
      const { ours, ref } = await both(templateUri, template, 'yaml', editedTemplate);
      const inProcess = await inProcessTemplateLatency(template, edits);
      rows.push({
        group: 'Language server',
        item: `didChange → diagnostics, 3,000-line CloudFormation template (${templatePolicies(template).length} policies), ${edits} edits in a policy`,
        ratio: `p50 ${times(median(ours) / median(ref))}, p95 ${times(percentile(ours, 95) / percentile(ref, 95))} the schema-only server`,
        ours: pcts(ours),
        reference: `yaml + vscode-json-languageservice + our schema per policy, as a server over stdio: ${pcts(ref)}; in process: ${pcts(inProcess)}`,
        goal: 'p95 ≤ 100 ms, within 3×',
        data: { oursMs: ours, schemaOnlyServerMs: ref, schemaOnlyInProcessMs: inProcess },
      });
    } else {
      rows.push({ group: 'Language server', item: 'didChange → diagnostics, 3,000-line CloudFormation template', ratio: 'n/a (embedded policies not built)', ours: 'n/a', reference: '', goal: 'p95 ≤ 100 ms' });
    }
  } finally {
    await Promise.all([client.stop(), reference.stop()]);
  }
  return rows;
}

if (require.main === module) runAlone('lsp', lspBench);
