// The shared corpus's CloudFormation/SAM templates and Terraform files: every file is analysed
// without an exception; how many policies each yields, their kinds and every finding are pinned
// in test/snapshots/embedded-corpus.json (regenerate with UPDATE_SNAPSHOTS=1); no finding sits
// on an intrinsic function or an interpolation.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from '../../../server/src/analysis/analyzeDocument';
import type { PolicyRegion } from '../../../server/src/analysis/region';
import { loadIamData, type IamData } from '../../../server/src/data/iamData';

const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
const SNAPSHOT = join(__dirname, '..', '..', 'snapshots', 'embedded-corpus.json');
const FOLDERS = ['cloudformation', 'terraform'];

/** What a finding's text may not hold: a template's intrinsic functions, Terraform's interpolations and references. */
const COMPUTED: Record<string, RegExp> = {
  cloudformation: /!(Ref|GetAtt|ImportValue|Join|Select|Split|If|FindInMap|GetAZs|Base64|Cidr)\b|"(Ref|Fn::[A-Za-z]+)"\s*:|\bFn::(GetAtt|ImportValue|Join|Select|Split|If|FindInMap)\b/,
  terraform: /\$\{|\b(var|local|data|module)\.[A-Za-z_]/,
};

/** The corpus flattens a module's folder into the file names (`module__sub__main.tf`): its siblings share the prefix. */
function folderOf(name: string): string {
  return name.slice(0, name.lastIndexOf('__'));
}

/** A finding over a whole statement or policy is about its structure, not about a computed value in it. */
function coversStructure(region: PolicyRegion, range: { start: number; end: number }): boolean {
  const covers = (r: { start: number; end: number }) => range.start <= r.start && r.end <= range.end;
  return covers(region.model.range) || region.model.statements.some((st) => covers(st.range));
}

let data: IamData;
const actual: Record<string, { policies: string[]; findings: string[] }> = {};

describe('shared corpus: CloudFormation templates and Terraform files', () => {
  before(async () => {
    data = await loadIamData();
  });

  for (const folder of FOLDERS) {
    const names = readdirSync(join(CORPUS, folder)).filter((n) => /\.(json|ya?ml|template|tf)$/.test(n)).sort();
    test(`${folder}: every file analysed, no finding on a computed value`, async () => {
      assert.ok(names.length > 100, `only ${names.length} files in ${folder}`);
      const texts = new Map(names.map((n) => [n, readFileSync(join(CORPUS, folder, n), 'utf8')]));
      const onComputed: string[] = [];
      for (const name of names) {
        const text = texts.get(name)!;
        const uri = `file:///corpus/${folder}/${name}`;
        const doc = TextDocument.create(uri, 'plaintext', 0, text);
        const siblings = () => names.filter((n) => n !== name && n.endsWith('.tf') && folderOf(n) === folderOf(name)).map((n) => texts.get(n)!);
        const analysis = await analyzeDocument(text, uri, { kindOf: () => 'identity', textDocument: doc, lint: { data, ownAccounts: [] }, siblings });
        const at = (offset: number) => {
          const p = doc.positionAt(offset);
          return `${p.line + 1}:${p.character + 1}`;
        };
        actual[`${folder}/${name}`] = {
          policies: analysis.regions.map((r) => `${r.locator} ${r.kind}`),
          findings: analysis.regions.flatMap((r) => r.problems.map((p) => `${r.locator} ${p.code} ${at(p.range.start)}-${at(p.range.end)}`)),
        };
        for (const r of analysis.regions) {
          for (const p of r.problems) {
            if (coversStructure(r, p.range)) continue;
            const written = text.slice(p.range.start, p.range.end);
            const unknown = r.unknownRanges.some((u) => u.start < p.range.end && p.range.start < u.end);
            if (unknown || COMPUTED[folder].test(written)) onComputed.push(`${name} ${r.locator} ${p.code}: ${written.slice(0, 80)}`);
          }
        }
      }
      assert.deepEqual(onComputed, []);
    });
  }

  test('the corpus yields trust policies from templates and all three Terraform forms', () => {
    const policies = Object.entries(actual).flatMap(([file, r]) => r.policies.map((p) => `${file} ${p}`));
    assert.ok(policies.some((p) => p.startsWith('cloudformation/') && p.endsWith('.AssumeRolePolicyDocument trust')));
    assert.ok(policies.some((p) => p.startsWith('terraform/') && p.includes(' data.aws_iam_policy_document.')));
    assert.ok(policies.some((p) => p.startsWith('terraform/') && /\.(policy|assume_role_policy|content) /.test(p)));
  });

  test('the policies and findings match the checked-in snapshot', () => {
    if (process.env.UPDATE_SNAPSHOTS === '1') {
      writeFileSync(SNAPSHOT, `${JSON.stringify(actual, null, 1)}\n`);
      return;
    }
    const expected = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as typeof actual;
    assert.deepEqual(actual, expected, 'policies or findings changed: review, then regenerate with UPDATE_SNAPSHOTS=1');
  });
});
