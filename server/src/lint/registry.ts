// Every lint rule, in one list. Adding a rule: write rules/<kebab-code>.ts and list it here.
import type { LintRule } from './types';
import { actionsAndResourcesNeverMatch } from './rules/actions-and-resources-never-match';
import { allowShadowedByDeny } from './rules/allow-shadowed-by-deny';
import { allowWithNotPrincipal } from './rules/allow-with-not-principal';
import { arnAccountNotAllowed } from './rules/arn-account-not-allowed';
import { arnRegionNotAllowed } from './rules/arn-region-not-allowed';
import { createSlrWithNotActionAndNotResource } from './rules/create-slr-with-not-action-and-not-resource';
import { createSlrWithNotResource } from './rules/create-slr-with-not-resource';
import { createSlrWithStarInActionAndNotResource } from './rules/create-slr-with-star-in-action-and-not-resource';
import { createSlrWithStarInActionAndResource } from './rules/create-slr-with-star-in-action-and-resource';
import { createSlrWithStarInResourceAndNotAction } from './rules/create-slr-with-star-in-resource-and-not-action';
import { createSlrWithStarInResource } from './rules/create-slr-with-star-in-resource';
import { dataTypeMismatch } from './rules/data-type-mismatch';
import { duplicateKeysWithDifferentCase } from './rules/duplicate-keys-with-different-case';
import { emptyArrayAction } from './rules/empty-array-action';
import { emptyArrayConditionForallvalues } from './rules/empty-array-condition-forallvalues';
import { emptyArrayConditionForanyvalue } from './rules/empty-array-condition-foranyvalue';
import { emptyArrayConditionIfexists } from './rules/empty-array-condition-ifexists';
import { emptyArrayCondition } from './rules/empty-array-condition';
import { emptyArrayPrincipal } from './rules/empty-array-principal';
import { emptyArrayResource } from './rules/empty-array-resource';
import { emptyObjectCondition } from './rules/empty-object-condition';
import { emptyObjectPrincipal } from './rules/empty-object-principal';
import { emptySidValue } from './rules/empty-sid-value';
import { emptyVariable } from './rules/empty-variable';
import { equivalentToNullFalse } from './rules/equivalent-to-null-false';
import { forAllValuesWithSingleValuedKey } from './rules/forallvalues-with-single-valued-key';
import { invalidAction } from './rules/invalid-action';
import { invalidArnAccount } from './rules/invalid-arn-account';
import { invalidArnPrefix } from './rules/invalid-arn-prefix';
import { invalidArnRegion } from './rules/invalid-arn-region';
import { invalidArnServiceCase } from './rules/invalid-arn-service-case';
import { invalidConditionKeyFormat } from './rules/invalid-condition-key-format';
import { invalidConditionMultipleBoolean } from './rules/invalid-condition-multiple-boolean';
import { invalidConditionOperator } from './rules/invalid-condition-operator';
import { invalidDateValue } from './rules/invalid-date-value';
import { invalidEffect } from './rules/invalid-effect';
import { invalidGlobalConditionKey } from './rules/invalid-global-condition-key';
import { invalidPartition } from './rules/invalid-partition';
import { invalidPolicyElement } from './rules/invalid-policy-element';
import { invalidPrincipalFormat } from './rules/invalid-principal-format';
import { invalidPrincipalKey } from './rules/invalid-principal-key';
import { invalidRoleReference } from './rules/invalid-role-reference';
import { invalidServiceConditionKey } from './rules/invalid-service-condition-key';
import { invalidServiceInAction } from './rules/invalid-service-in-action';
import { invalidServicePrincipalFormat } from './rules/invalid-service-principal-format';
import { invalidService } from './rules/invalid-service';
import { invalidUserReference } from './rules/invalid-user-reference';
import { invalidVariableForOperator } from './rules/invalid-variable-for-operator';
import { invalidVersion } from './rules/invalid-version';
import { missingAction } from './rules/missing-action';
import { missingArnField } from './rules/missing-arn-field';
import { missingArnRegion } from './rules/missing-arn-region';
import { missingAudienceForSamlPrincipal } from './rules/missing-audience-for-saml-principal';
import { missingBraceInVariable } from './rules/missing-brace-in-variable';
import { missingConditionKeyForOidcPrincipal } from './rules/missing-condition-key-for-oidc-principal';
import { missingEffect } from './rules/missing-effect';
import { missingExternalIdForThirdPartyPrincipal } from './rules/missing-external-id-for-third-party-principal';
import { missingGithubRepoConditionKey } from './rules/missing-github-repo-condition-key';
import { missingMfaForHumanPrincipal } from './rules/missing-mfa-for-human-principal';
import { missingPrincipal } from './rules/missing-principal';
import { missingQualifier } from './rules/missing-qualifier';
import { missingQuoteInVariable } from './rules/missing-quote-in-variable';
import { missingResource } from './rules/missing-resource';
import { missingStatement } from './rules/missing-statement';
import { missingVersion } from './rules/missing-version';
import { nullWithIfExists } from './rules/null-with-if-exists';
import { nullWithQualifier } from './rules/null-with-qualifier';
import { passRoleWithNotActionAndNotResource } from './rules/pass-role-with-not-action-and-not-resource';
import { passRoleWithNotResource } from './rules/pass-role-with-not-resource';
import { passRoleWithStarInActionAndNotResource } from './rules/pass-role-with-star-in-action-and-not-resource';
import { passRoleWithStarInActionAndResource } from './rules/pass-role-with-star-in-action-and-resource';
import { passRoleWithStarInResourceAndNotAction } from './rules/pass-role-with-star-in-resource-and-not-action';
import { passRoleWithStarInResource } from './rules/pass-role-with-star-in-resource';
import { policySizeExceedsIdentityPolicyQuota } from './rules/policy-size-exceeds-identity-policy-quota';
import { policySizeExceedsRcpQuota } from './rules/policy-size-exceeds-rcp-quota';
import { policySizeExceedsResourcePolicyQuota } from './rules/policy-size-exceeds-resource-policy-quota';
import { policySizeExceedsRoleTrustPolicyQuota } from './rules/policy-size-exceeds-role-trust-policy-quota';
import { policySizeExceedsScpQuota } from './rules/policy-size-exceeds-scp-quota';
import { rcpSyntaxErrorAllow } from './rules/rcp-syntax-error-allow';
import { rcpSyntaxErrorNotAction } from './rules/rcp-syntax-error-not-action';
import { rcpSyntaxErrorPrincipal } from './rules/rcp-syntax-error-principal';
import { rcpUnsupportedService } from './rules/rcp-unsupported-service';
import { redundantAction } from './rules/redundant-action';
import { redundantResource } from './rules/redundant-resource';
import { roleTrustPolicySyntaxErrorNotPrincipal } from './rules/role-trust-policy-syntax-error-notprincipal';
import { roleTrustPolicySyntaxErrorResource } from './rules/role-trust-policy-syntax-error-resource';
import { scpSyntaxErrorPrincipal } from './rules/scp-syntax-error-principal';
import { sessionPolicySizeExceedsQuota } from './rules/session-policy-size-exceeds-quota';
import { specificGithubRepoAndBranchRecommended } from './rules/specific-github-repo-and-branch-recommended';
import { typeMismatchBoolean } from './rules/type-mismatch-boolean';
import { typeMismatchDate } from './rules/type-mismatch-date';
import { typeMismatchIpRange } from './rules/type-mismatch-ip-range';
import { typeMismatchNumber } from './rules/type-mismatch-number';
import { typeMismatchString } from './rules/type-mismatch-string';
import { typeMismatch } from './rules/type-mismatch';
import { uniqueSidsRecommended } from './rules/unique-sids-recommended';
import { uniqueSidsRequired } from './rules/unique-sids-required';
import { unsupportedElementCombination } from './rules/unsupported-element-combination';
import { unsupportedGlobalConditionKey } from './rules/unsupported-global-condition-key';
import { unsupportedPrincipal } from './rules/unsupported-principal';
import { unsupportedSid } from './rules/unsupported-sid';
import { unsupportedSpaceInVariable } from './rules/unsupported-space-in-variable';
import { unsupportedWildcardInPrincipal } from './rules/unsupported-wildcard-in-principal';
import { variableUnsupportedInElement } from './rules/variable-unsupported-in-element';
import { variableUnsupportedInVersion } from './rules/variable-unsupported-in-version';
import { wildcardInServiceName } from './rules/wildcard-in-service-name';
import { wildcardPrincipalWithoutCondition } from './rules/wildcard-principal-without-condition';
import { wildcardWithoutLikeOperator } from './rules/wildcard-without-like-operator';

export const LINT_RULES: readonly LintRule[] = [
  actionsAndResourcesNeverMatch,
  allowShadowedByDeny,
  allowWithNotPrincipal,
  arnAccountNotAllowed,
  arnRegionNotAllowed,
  createSlrWithNotActionAndNotResource,
  createSlrWithNotResource,
  createSlrWithStarInActionAndNotResource,
  createSlrWithStarInActionAndResource,
  createSlrWithStarInResourceAndNotAction,
  createSlrWithStarInResource,
  dataTypeMismatch,
  duplicateKeysWithDifferentCase,
  emptyArrayAction,
  emptyArrayConditionForallvalues,
  emptyArrayConditionForanyvalue,
  emptyArrayConditionIfexists,
  emptyArrayCondition,
  emptyArrayPrincipal,
  emptyArrayResource,
  emptyObjectCondition,
  emptyObjectPrincipal,
  emptySidValue,
  emptyVariable,
  equivalentToNullFalse,
  forAllValuesWithSingleValuedKey,
  invalidAction,
  invalidArnAccount,
  invalidArnPrefix,
  invalidArnRegion,
  invalidArnServiceCase,
  invalidConditionKeyFormat,
  invalidConditionMultipleBoolean,
  invalidConditionOperator,
  invalidDateValue,
  invalidEffect,
  invalidGlobalConditionKey,
  invalidPartition,
  invalidPolicyElement,
  invalidPrincipalFormat,
  invalidPrincipalKey,
  invalidRoleReference,
  invalidServiceConditionKey,
  invalidServiceInAction,
  invalidServicePrincipalFormat,
  invalidService,
  invalidUserReference,
  invalidVariableForOperator,
  invalidVersion,
  missingAction,
  missingArnField,
  missingArnRegion,
  missingAudienceForSamlPrincipal,
  missingBraceInVariable,
  missingConditionKeyForOidcPrincipal,
  missingEffect,
  missingExternalIdForThirdPartyPrincipal,
  missingGithubRepoConditionKey,
  missingMfaForHumanPrincipal,
  missingPrincipal,
  missingQualifier,
  missingQuoteInVariable,
  missingResource,
  missingStatement,
  missingVersion,
  nullWithIfExists,
  nullWithQualifier,
  passRoleWithNotActionAndNotResource,
  passRoleWithNotResource,
  passRoleWithStarInActionAndNotResource,
  passRoleWithStarInActionAndResource,
  passRoleWithStarInResourceAndNotAction,
  passRoleWithStarInResource,
  policySizeExceedsIdentityPolicyQuota,
  policySizeExceedsRcpQuota,
  policySizeExceedsResourcePolicyQuota,
  policySizeExceedsRoleTrustPolicyQuota,
  policySizeExceedsScpQuota,
  rcpSyntaxErrorAllow,
  rcpSyntaxErrorNotAction,
  rcpSyntaxErrorPrincipal,
  rcpUnsupportedService,
  redundantAction,
  redundantResource,
  roleTrustPolicySyntaxErrorNotPrincipal,
  roleTrustPolicySyntaxErrorResource,
  scpSyntaxErrorPrincipal,
  sessionPolicySizeExceedsQuota,
  specificGithubRepoAndBranchRecommended,
  typeMismatchBoolean,
  typeMismatchDate,
  typeMismatchIpRange,
  typeMismatchNumber,
  typeMismatchString,
  typeMismatch,
  uniqueSidsRecommended,
  uniqueSidsRequired,
  unsupportedElementCombination,
  unsupportedGlobalConditionKey,
  unsupportedPrincipal,
  unsupportedSid,
  unsupportedSpaceInVariable,
  unsupportedWildcardInPrincipal,
  variableUnsupportedInElement,
  variableUnsupportedInVersion,
  wildcardInServiceName,
  wildcardPrincipalWithoutCondition,
  wildcardWithoutLikeOperator,
];
