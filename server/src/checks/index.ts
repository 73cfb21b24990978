// The offline custom policy checks: no new access, no public access, access not granted.
// Pure: policies in (text or model), results out, shaped as Access Analyzer's responses.
export { checkNoNewAccess } from './noNewAccess';
export { checkNoPublicAccess, PUBLIC_RESOURCE_TYPE_NAMES, ResourceTypeError } from './noPublicAccess';
export { checkAccessNotGranted, readAccessList, AccessListError, type AccessToCheck } from './accessNotGranted';
export { PolicyInputError } from './statements';
export { readPolicyType, POLICY_TYPE_NAMES, DEFAULT_BUDGET } from './types';
export type { CheckResult, CheckReason, CheckReasonDetail, CheckVerdict, CheckOptions, PolicyTypeInput } from './types';
