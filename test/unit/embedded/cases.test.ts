// Policies inside CloudFormation/SAM templates and Terraform files: which policies are found,
// every finding on the exact characters of the host file, and what the quick fixes write.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { treeValue } from '../../../server/src/analysis/analyzePolicy';
import { loadIamData, type IamData } from '../../../server/src/data/iamData';
import { analyzeCase, describeFindings, fixedText, loadCaseFiles } from './embeddedCases';

let data: IamData;
before(async () => {
  data = await loadIamData();
});

for (const { file, cases } of loadCaseFiles()) {
  describe(file, () => {
    for (const c of cases) {
      test(c.name, async () => {
        const { text, doc, analysis } = await analyzeCase(c, data);
        if (c.expected.policies) assert.deepEqual(analysis.regions.map((r) => `${r.locator ?? "(file)"} ${r.kind}`), c.expected.policies);
        if (c.expected.findings) assert.deepEqual(describeFindings(text, doc, analysis), c.expected.findings);
        for (const [policy, statements] of Object.entries(c.expected.rendered ?? {})) {
          const region = analysis.regions.find((r) => r.locator === policy);
          assert.ok(region, `no policy ${policy}`);
          assert.deepEqual(region.model.statements.map((s) => treeValue(s.node)), statements);
        }
        if (c.fix) {
          const after = fixedText(c, text, analysis);
          assert.deepEqual(after.split('\n'), c.expected.text);
          // The fixed file is still a template the analysis reads, and the finding is gone.
          const again = await analyzeCase({ ...c, text: after.split('\n') }, data);
          const region = again.analysis.regions.find((r) => r.locator === c.fix!.policy);
          assert.ok(region, 'the policy is still found after the fix');
          assert.ok(!region.problems.some((p) => p.code === c.fix!.code), `${c.fix.code} is still reported after the fix`);
        }
      });
    }
  });
}
