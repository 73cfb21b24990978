// AWS's evaluation logic as an ordered list of gates. Each gate decides the request or passes
// it on; a request that passes every gate is allowed (`allowedVerdict`).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
import type { Gate } from '../gate';
import { awsProtectedGate } from './aws-protected';
import { boundaryGate } from './boundary';
import { credentialsGate } from './credentials';
import { crossAccountGate } from './cross-account';
import { explicitDenyGate } from './explicit-deny';
import { getCallerIdentityGate } from './get-caller-identity';
import { identityGate } from './identity';
import { rcpGate } from './rcp';
import { resourcePolicyGate } from './resource-policy';
import { scpGate } from './scp';
import { sessionGate } from './session';
import { trustGate } from './trust';

export { allowedVerdict } from './allowed';

export const GATES: readonly Gate[] = [
  getCallerIdentityGate,
  awsProtectedGate,
  explicitDenyGate,
  credentialsGate,
  rcpGate,
  scpGate,
  resourcePolicyGate,
  trustGate,
  crossAccountGate,
  identityGate,
  boundaryGate,
  sessionGate,
];
