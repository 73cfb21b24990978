// Benchmark, not a test: how long after an edit the language server publishes diagnostics, over
// stdio against dist/server.js (run `npm run build` first). Targets from issue 3: a 2 KB policy
// within 10 ms, AWSSupportServiceRolePolicy (194 KB) within 100 ms, and a 5 MB file that does not
// hold up another document; and (issue 10) a keystroke in a 3,000-line CloudFormation template
// holding 200 policies.
//
//   node --import tsx bench/lsp/latency.ts [--rounds N]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TestLanguageClient } from '../../test/lsp/lspClient';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 30;
const corpus = path.resolve(__dirname, '../../../shared/corpus');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function editLatency(client: TestLanguageClient, uri: string, text: string): Promise<number[]> {
  await client.open(uri, text);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate two texts so every edit really changes the document.
    const edited = i % 2 === 0 ? text.replace('"Version"', ' "Version"') : text;
    const start = performance.now();
    await client.change(uri, edited);
    times.push(performance.now() - start);
  }
  return times;
}

/** A YAML template of `roles` roles, each with a trust policy and an inline policy: 30 lines a role. */
function template(roles: number): string {
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:'];
  for (let i = 0; i < roles; i++) {
    lines.push(
      `  Role${i}:`,
      '    Type: AWS::IAM::Role',
      '    Properties:',
      `      RoleName: !Sub "app-\${AWS::Region}-${i}"`,
      '      AssumeRolePolicyDocument:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Effect: Allow',
      '            Principal:',
      '              Service: lambda.amazonaws.com',
      '            Action: sts:AssumeRole',
      '      Policies:',
      '        - PolicyName: app',
      '          PolicyDocument:',
      '            Version: "2012-10-17"',
      '            Statement:',
      '              - Effect: Allow',
      '                Action:',
      '                  - s3:GetObject',
      '                  - s3:PutObject',
      '                Resource: !Sub "arn:\${AWS::Partition}:s3:::app-data/*"',
      '              - Effect: Allow',
      '                Action:',
      '                  - dynamodb:GetItem',
      '                  - dynamodb:Query',
      '                Resource: !GetAtt Table.Arn',
      '              - Effect: Allow',
      '                Action: logs:PutLogEvents',
      '                Resource: "*"',
      '',
    );
  }
  lines.push('  Table:', '    Type: AWS::DynamoDB::Table', '');
  return lines.join('\n');
}

async function templateLatency(client: TestLanguageClient): Promise<void> {
  const text = template(100);
  const uri = 'file:///bench/template.yaml';
  await client.open(uri, text, 'yaml');
  const times: number[] = [];
  // A keystroke in the middle of the file: one letter of an action typed and taken back.
  const at = text.indexOf('dynamodb:Query', text.length / 2);
  for (let i = 0; i < rounds; i++) {
    const edited = i % 2 === 0 ? `${text.slice(0, at)}dynamodb:Quer${text.slice(at + 'dynamodb:Query'.length)}` : text;
    const start = performance.now();
    await client.change(uri, edited);
    times.push(performance.now() - start);
  }
  console.log(`3,000-line template (${text.split('\n').length} lines, 200 policies): median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms over ${rounds} keystrokes`);
}

async function main(): Promise<void> {
  const client = new TestLanguageClient();
  await client.start();
  try {
    // Warm-up: the first analysis waits for the IAM service reference to load.
    const warm = performance.now();
    await client.open('file:///bench/warm.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}');
    console.log(`first diagnostics (service reference loading): ${(performance.now() - warm).toFixed(0)} ms`);

    const small = readFileSync(path.join(corpus, 'managed', 'AmazonS3ReadOnlyAccess.json'), 'utf8');
    const twoKb = small.length < 2048 ? small.replace('"Statement"', `"Id": "${'x'.repeat(2048 - small.length)}", "Statement"`) : small;
    const t2 = await editLatency(client, 'file:///bench/two-kb.json', twoKb);
    console.log(`2 KB policy (${twoKb.length} chars): median ${median(t2).toFixed(1)} ms, max ${Math.max(...t2).toFixed(1)} ms over ${rounds} edits (target 10 ms)`);

    const big = readFileSync(path.join(corpus, 'managed', 'AWSSupportServiceRolePolicy.json'), 'utf8');
    const tb = await editLatency(client, 'file:///bench/support.json', big);
    console.log(`AWSSupportServiceRolePolicy (${(big.length / 1024).toFixed(0)} KB): median ${median(tb).toFixed(1)} ms, max ${Math.max(...tb).toFixed(1)} ms over ${rounds} edits (target 100 ms)`);

    const statement = '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},';
    const huge = `{"Version": "2012-10-17", "Statement": [${statement.repeat(Math.ceil((5 * 1024 * 1024) / statement.length))}{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`;
    const hugeOpened = client.open('file:///bench/huge.json', huge);
    const start = performance.now();
    await client.change('file:///bench/two-kb.json', twoKb.replace('"Version"', '  "Version"'));
    console.log(`2 KB policy edited while a 5 MB file opens: ${(performance.now() - start).toFixed(1)} ms`);
    await hugeOpened;

    await templateLatency(client);
  } finally {
    await client.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
