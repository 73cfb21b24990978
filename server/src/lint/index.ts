// Public surface of the linter.
export { lintPolicy, lintPolicyPausing } from './lintPolicy';
export { findingDocUrl, OUR_CHECKS } from './findingDocs';
export { LINT_RULES } from './registry';
export type { Finding, FindingType, FixData, LintOptions, LintRule } from './types';
