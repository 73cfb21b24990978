import { isOpenPart, resourceArns, serviceArnShape } from '../support/resourceArns';
import type { LintRule } from '../types';

// Only ARNs whose resource part is literal: a pattern such as `arn:aws:logs:::log-group:App*`
// (AmazonApplicationWizardFullaccess, AmazonLaunchWizardFullaccess) is one Access Analyzer
// accepts, as it checks patterns against the resource types conservatively.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-missing-arn-region

export const missingArnRegion: LintRule = {
  code: 'MISSING_ARN_REGION',
  type: 'ERROR',
  check({ model, data }, report) {
    for (const { value, arn } of resourceArns(model)) {
      if (!arn || arn.region !== '' || isOpenPart(arn.service) || isOpenPart(arn.resource)) continue;
      const shape = serviceArnShape(data, arn.service);
      if (shape?.allRegion) report(value.range, `Add a Region to the ${arn.service} resource ARN.`);
    }
  },
};
