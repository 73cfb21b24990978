// The reference file the bundles read (dist/iam-reference.json): written by the build from the
// library's answers, read one service at a time. Read back, it must answer every lookup as the
// reference held in memory does; only the services a lookup needs are read; a damaged or older
// file is refused with a message that says how to mend it.
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IamData, loadRawFromLibrary, readReferenceFile, referenceFileText, type RawIamData, type ReferenceSource } from '../../../server/src/data/iamData';

let raw: RawIamData;
let dir: string;
let file: string;

before(async () => {
  raw = await loadRawFromLibrary();
  dir = mkdtempSync(path.join(tmpdir(), 'iam-reference-'));
  file = path.join(dir, 'iam-reference.json');
  writeFileSync(file, referenceFileText(raw));
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** A source that counts the services' parts it is asked for. */
function counting(source: ReferenceSource): { source: ReferenceSource; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    source: {
      layout: source.layout,
      part: (i) => {
        asked.push(source.layout.services[i].prefix);
        return source.part(i);
      },
    },
  };
}

describe('the reference file', () => {
  it('answers every lookup as the reference in memory does', () => {
    const memory = new IamData(raw);
    const fromFile = new IamData(readReferenceFile(file));
    assert.equal(fromFile.version, memory.version);
    assert.equal(fromFile.allActionCount, memory.allActionCount);
    assert.deepEqual([...fromFile.rcpSupportedServices], [...memory.rcpSupportedServices]);
    assert.deepEqual(fromFile.serviceKeys(), memory.serviceKeys());
    assert.deepEqual(fromFile.globalConditionKeys(), memory.globalConditionKeys());
    for (const prefix of memory.serviceKeys()) {
      const service = memory.service(prefix)!;
      assert.deepEqual(fromFile.service(prefix.toUpperCase()), service, prefix);
      assert.equal(fromFile.serviceName(prefix), service.name);
      for (const a of service.actions) assert.deepEqual(fromFile.action(`${prefix}:${a.name.toLowerCase()}`), a);
      // Keys of the service's own page and those other pages list under its prefix.
      for (const k of service.conditionKeys) assert.deepEqual(fromFile.conditionKey(k.key), memory.conditionKey(k.key), k.key);
      for (const rt of service.resourceTypes) for (const k of rt.conditionKeys) assert.deepEqual(fromFile.conditionKey(k), memory.conditionKey(k), k);
    }
    for (const k of ['saml:aud', 'accounts.google.com:aud', 'aws:PrincipalTag/team', 'aws:PrincipalOrgMasterAccountId', 'ec2:ResourceTag/Name']) {
      assert.deepEqual(fromFile.conditionKey(k), memory.conditionKey(k), k);
    }
    for (const p of ['s3:Get*', '*:Describe*', 'i?m:*Role', 'nope:*']) assert.equal(fromFile.actionsMatching(p).length, memory.actionsMatching(p).length, p);
    assert.equal(fromFile.actionsMatching('*').length, memory.allActionCount);
    assert.equal(fromFile.closestAction('s3:GetObjetc'), 's3:GetObject');
  });

  it('reads only the services a lookup needs', () => {
    const { source, asked } = counting(readReferenceFile(file));
    const data = new IamData(source);
    assert.deepEqual(asked, [], 'opening reads no service');
    assert.ok(data.serviceExists('S3') && data.serviceName('s3') === 'Amazon S3', 'names and prefixes need no part');
    assert.ok(data.serviceKeys().length > 300);
    assert.deepEqual(asked, []);
    assert.equal(data.action('s3:GetObject')?.accessLevel, 'Read');
    assert.equal(data.action('S3:getobject')?.name, 'GetObject');
    assert.equal(data.conditionKey('aws:SourceIp')?.type, 'IPAddress');
    assert.deepEqual(asked, ['s3'], 'one service, read once');
    data.actionsMatching('ec2:Describe*');
    assert.deepEqual(asked, ['s3', 'ec2']);
  });

  it('refuses a damaged file with a message that says to rebuild', () => {
    const text = referenceFileText(raw);
    const cases: Array<[string, string | Buffer]> = [
      ['empty', ''],
      ['not JSON', 'garbage\n'],
      ['an older format', `${JSON.stringify(raw)}\n`],
      ['cut short', text.slice(0, text.length - 50_000)],
    ];
    for (const [name, content] of cases) {
      const damaged = path.join(dir, `${name.replace(/ /g, '-')}.json`);
      writeFileSync(damaged, content);
      assert.throws(
        () => {
          const data = new IamData(readReferenceFile(damaged));
          data.actionsMatching('*'); // reads every part
        },
        (e: Error) => /IAM service reference .* rebuild with `npm run build`/.test(e.message),
        name,
      );
    }
    assert.throws(() => readReferenceFile(path.join(dir, 'missing.json')), /cannot read the IAM service reference .*ENOENT.*npm run build/);
  });
});
