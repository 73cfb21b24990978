// Finding scenario files: nested folders yes; node_modules, dot folders and symbolic links no;
// a folder limit stops a walk that would take too long.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findScenarioFiles, isScenarioPath } from '../../../server/src/scenarioWorkspace';

let root: string;

before(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'iamsts-discovery-'));
  const put = (rel: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), '{}');
  };
  put('top.iamsim.json');
  put('team/a/deep.iamsim.json');
  put('team/a/policy.json');
  put('node_modules/pkg/ignored.iamsim.json');
  put('.git/ignored.iamsim.json');
  put('.cache/ignored.iamsim.json');
  symlinkSync(path.join(root, 'team'), path.join(root, 'linked'));
});
after(() => rmSync(root, { recursive: true, force: true }));

describe('findScenarioFiles', () => {
  it('finds scenarios in nested folders and skips node_modules, dot folders and links', async () => {
    const { files, truncated } = await findScenarioFiles([root]);
    assert.equal(truncated, false);
    assert.deepEqual(files.map((f) => path.relative(root, f)), ['team/a/deep.iamsim.json', 'top.iamsim.json']);
  });

  it('stops at the folder limit, nearest folders first, and says so', async () => {
    const { files, truncated } = await findScenarioFiles([root], { maxFolders: 1, maxDepth: 12 });
    assert.equal(truncated, true);
    assert.deepEqual(files.map((f) => path.relative(root, f)), ['top.iamsim.json']);
  });

  it('does not go deeper than the depth limit', async () => {
    const { files } = await findScenarioFiles([root], { maxFolders: 100, maxDepth: 1 });
    assert.deepEqual(files.map((f) => path.relative(root, f)), ['top.iamsim.json']);
  });

  it('answers for a folder that does not exist', async () => {
    assert.deepEqual(await findScenarioFiles([path.join(root, 'nope')]), { files: [], truncated: false });
  });

  it('knows a scenario by its suffix, in any case', () => {
    assert.equal(isScenarioPath('/a/b/Dev.IAMSIM.json'), true);
    assert.equal(isScenarioPath('/a/b/dev.json'), false);
  });
});
