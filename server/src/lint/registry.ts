// Every lint rule, in one list. Adding a rule: write rules/<kebab-code>.ts and list it here.
import type { LintRule } from './types';
import { actionsAndResourcesNeverMatch } from './rules/actions-and-resources-never-match';
import { allowNotActionWithUnsupportedTagConditionKeyForService } from './rules/allow-not-action-with-unsupported-tag-condition-key-for-service';
import { allowShadowedByDeny } from './rules/allow-shadowed-by-deny';
import { allowWithNotPrincipal } from './rules/allow-with-not-principal';
import { allowWithUnsupportedTagConditionKeyForService } from './rules/allow-with-unsupported-tag-condition-key-for-service';
import { arnAccountNotAllowed } from './rules/arn-account-not-allowed';
import { arnRegionNotAllowed } from './rules/arn-region-not-allowed';
import { confirmAudienceClaimType } from './rules/confirm-audience-claim-type';
import { createSlrWithNotActionAndNotResource } from './rules/create-slr-with-not-action-and-not-resource';
import { createSlrWithNotResource } from './rules/create-slr-with-not-resource';
import { createSlrWithStarInActionAndNotResource } from './rules/create-slr-with-star-in-action-and-not-resource';
import { createSlrWithStarInActionAndResource } from './rules/create-slr-with-star-in-action-and-resource';
import { createSlrWithStarInResource } from './rules/create-slr-with-star-in-resource';
import { createSlrWithStarInResourceAndNotAction } from './rules/create-slr-with-star-in-resource-and-not-action';
import { dataTypeMismatch } from './rules/data-type-mismatch';
import { denyNotActionWithUnsupportedTagConditionKeyForService } from './rules/deny-not-action-with-unsupported-tag-condition-key-for-service';
import { denyWithUnsupportedTagConditionKeyForService } from './rules/deny-with-unsupported-tag-condition-key-for-service';
import { deprecatedGlobalConditionKey } from './rules/deprecated-global-condition-key';
import { duplicateKeysWithDifferentCase } from './rules/duplicate-keys-with-different-case';
import { emptyArrayAction } from './rules/empty-array-action';
import { emptyArrayCondition } from './rules/empty-array-condition';
import { emptyArrayConditionForallvalues } from './rules/empty-array-condition-forallvalues';
import { emptyArrayConditionForanyvalue } from './rules/empty-array-condition-foranyvalue';
import { emptyArrayConditionIfexists } from './rules/empty-array-condition-ifexists';
import { emptyArrayPrincipal } from './rules/empty-array-principal';
import { emptyArrayResource } from './rules/empty-array-resource';
import { emptyObjectCondition } from './rules/empty-object-condition';
import { emptyObjectPrincipal } from './rules/empty-object-principal';
import { emptySidValue } from './rules/empty-sid-value';
import { emptyVariable } from './rules/empty-variable';
import { equivalentToNullFalse } from './rules/equivalent-to-null-false';
import { federatedPrincipalNotSupported } from './rules/federated-principal-not-supported';
import { forAllValuesWithSingleValuedKey } from './rules/forallvalues-with-single-valued-key';
import { improveIpRange } from './rules/improve-ip-range';
import { invalidAction } from './rules/invalid-action';
import { invalidArnAccount } from './rules/invalid-arn-account';
import { invalidArnPrefix } from './rules/invalid-arn-prefix';
import { invalidArnRegion } from './rules/invalid-arn-region';
import { invalidArnResource } from './rules/invalid-arn-resource';
import { invalidArnServiceCase } from './rules/invalid-arn-service-case';
import { invalidConditionDataType } from './rules/invalid-condition-data-type';
import { invalidConditionKeyFormat } from './rules/invalid-condition-key-format';
import { invalidConditionMultipleBoolean } from './rules/invalid-condition-multiple-boolean';
import { invalidConditionOperator } from './rules/invalid-condition-operator';
import { invalidDateValue } from './rules/invalid-date-value';
import { invalidEffect } from './rules/invalid-effect';
import { invalidFederatedPrincipalSyntaxInRoleTrustPolicy } from './rules/invalid-federated-principal-syntax-in-role-trust-policy';
import { invalidGlobalConditionKey } from './rules/invalid-global-condition-key';
import { invalidPartition } from './rules/invalid-partition';
import { invalidPolicyElement } from './rules/invalid-policy-element';
import { invalidPrincipalFormat } from './rules/invalid-principal-format';
import { invalidPrincipalKey } from './rules/invalid-principal-key';
import { invalidRegion } from './rules/invalid-region';
import { invalidRoleReference } from './rules/invalid-role-reference';
import { invalidService } from './rules/invalid-service';
import { invalidServiceConditionKey } from './rules/invalid-service-condition-key';
import { invalidServiceInAction } from './rules/invalid-service-in-action';
import { invalidServicePrincipalFormat } from './rules/invalid-service-principal-format';
import { invalidUserReference } from './rules/invalid-user-reference';
import { invalidVariableForOperator } from './rules/invalid-variable-for-operator';
import { invalidVersion } from './rules/invalid-version';
import { invalidVpcFormat } from './rules/invalid-vpc-format';
import { invalidVpceFormat } from './rules/invalid-vpce-format';
import { irrelevantConditionKeyInPolicy } from './rules/irrelevant-condition-key-in-policy';
import { mismatchedActionForPrincipal } from './rules/mismatched-action-for-principal';
import { missingAction } from './rules/missing-action';
import { missingActionForConditionKey } from './rules/missing-action-for-condition-key';
import { missingActionForRolesAnywhereTrustPolicy } from './rules/missing-action-for-roles-anywhere-trust-policy';
import { missingArnField } from './rules/missing-arn-field';
import { missingArnRegion } from './rules/missing-arn-region';
import { missingAudienceForSamlPrincipal } from './rules/missing-audience-for-saml-principal';
import { missingBraceInVariable } from './rules/missing-brace-in-variable';
import { missingConditionKeyForOidcPrincipal } from './rules/missing-condition-key-for-oidc-principal';
import { missingEffect } from './rules/missing-effect';
import { missingExternalIdForThirdPartyPrincipal } from './rules/missing-external-id-for-third-party-principal';
import { missingGithubRepoConditionKey } from './rules/missing-github-repo-condition-key';
import { missingMfaForHumanPrincipal } from './rules/missing-mfa-for-human-principal';
import { missingPairedConditionKeys } from './rules/missing-paired-condition-keys';
import { missingPrincipal } from './rules/missing-principal';
import { missingQualifier } from './rules/missing-qualifier';
import { missingQuoteInVariable } from './rules/missing-quote-in-variable';
import { missingResource } from './rules/missing-resource';
import { missingStatement } from './rules/missing-statement';
import { missingTagKeyInCondition } from './rules/missing-tag-key-in-condition';
import { missingVersion } from './rules/missing-version';
import { nullWithIfExists } from './rules/null-with-if-exists';
import { nullWithQualifier } from './rules/null-with-qualifier';
import { passRoleWithNotActionAndNotResource } from './rules/pass-role-with-not-action-and-not-resource';
import { passRoleWithNotResource } from './rules/pass-role-with-not-resource';
import { passRoleWithStarInActionAndNotResource } from './rules/pass-role-with-star-in-action-and-not-resource';
import { passRoleWithStarInActionAndResource } from './rules/pass-role-with-star-in-action-and-resource';
import { passRoleWithStarInResource } from './rules/pass-role-with-star-in-resource';
import { passRoleWithStarInResourceAndNotAction } from './rules/pass-role-with-star-in-resource-and-not-action';
import { policySizeExceedsIdentityPolicyQuota } from './rules/policy-size-exceeds-identity-policy-quota';
import { policySizeExceedsManagedPolicyQuota } from './rules/policy-size-exceeds-managed-policy-quota';
import { policySizeExceedsRcpQuota } from './rules/policy-size-exceeds-rcp-quota';
import { policySizeExceedsResourcePolicyQuota } from './rules/policy-size-exceeds-resource-policy-quota';
import { policySizeExceedsRoleTrustPolicyQuota } from './rules/policy-size-exceeds-role-trust-policy-quota';
import { policySizeExceedsScpQuota } from './rules/policy-size-exceeds-scp-quota';
import { privateIpAddress } from './rules/private-ip-address';
import { privateIpAddressSubset } from './rules/private-ip-address-subset';
import { privateNotIpAddress } from './rules/private-not-ip-address';
import { privateNotIpAddressSubset } from './rules/private-not-ip-address-subset';
import { rcpSyntaxErrorAllow } from './rules/rcp-syntax-error-allow';
import { rcpSyntaxErrorNotAction } from './rules/rcp-syntax-error-not-action';
import { rcpSyntaxErrorPrincipal } from './rules/rcp-syntax-error-principal';
import { rcpUnsupportedService } from './rules/rcp-unsupported-service';
import { recommendedConditionKeyForServicePrincipal } from './rules/recommended-condition-key-for-service-principal';
import { redundantAction } from './rules/redundant-action';
import { redundantConditionValueNum } from './rules/redundant-condition-value-num';
import { redundantPrincipalInRoleTrustPolicy } from './rules/redundant-principal-in-role-trust-policy';
import { redundantResource } from './rules/redundant-resource';
import { redundantStatement } from './rules/redundant-statement';
import { restrictAccessToServicePrincipal } from './rules/restrict-access-to-service-principal';
import { roleTrustPolicySyntaxErrorNotPrincipal } from './rules/role-trust-policy-syntax-error-notprincipal';
import { roleTrustPolicySyntaxErrorResource } from './rules/role-trust-policy-syntax-error-resource';
import { roleTrustPolicyUnsupportedWildcardInPrincipal } from './rules/role-trust-policy-unsupported-wildcard-in-principal';
import { scpSyntaxErrorPrincipal } from './rules/scp-syntax-error-principal';
import { sessionPolicySizeExceedsQuota } from './rules/session-policy-size-exceeds-quota';
import { specificGithubRepoAndBranchRecommended } from './rules/specific-github-repo-and-branch-recommended';
import { stringLikeOperatorWithArnConditionKeys } from './rules/string-like-operator-with-arn-condition-keys';
import { typeMismatch } from './rules/type-mismatch';
import { typeMismatchBoolean } from './rules/type-mismatch-boolean';
import { typeMismatchDate } from './rules/type-mismatch-date';
import { typeMismatchIpRange } from './rules/type-mismatch-ip-range';
import { typeMismatchNumber } from './rules/type-mismatch-number';
import { typeMismatchString } from './rules/type-mismatch-string';
import { uniqueSidsRecommended } from './rules/unique-sids-recommended';
import { uniqueSidsRequired } from './rules/unique-sids-required';
import { unknownAction } from './rules/unknown-action';
import { unknownService } from './rules/unknown-service';
import { unknownServiceInAction } from './rules/unknown-service-in-action';
import { unsupportedActionForConditionKey } from './rules/unsupported-action-for-condition-key';
import { unsupportedActionInPolicy } from './rules/unsupported-action-in-policy';
import { unsupportedConditionKeyForServicePrincipal } from './rules/unsupported-condition-key-for-service-principal';
import { unsupportedElementCombination } from './rules/unsupported-element-combination';
import { unsupportedGlobalConditionKey } from './rules/unsupported-global-condition-key';
import { unsupportedPrincipal } from './rules/unsupported-principal';
import { unsupportedResourceArnInPolicy } from './rules/unsupported-resource-arn-in-policy';
import { unsupportedSid } from './rules/unsupported-sid';
import { unsupportedSpaceInVariable } from './rules/unsupported-space-in-variable';
import { unsupportedWildcardInPrincipal } from './rules/unsupported-wildcard-in-principal';
import { variableUnsupportedInElement } from './rules/variable-unsupported-in-element';
import { variableUnsupportedInVersion } from './rules/variable-unsupported-in-version';
import { wildcardInServiceName } from './rules/wildcard-in-service-name';
import { resourcePolicyGrantsPublicAccess } from './rules/resource-policy-grants-public-access';
import { wildcardPrincipalWithoutCondition } from './rules/wildcard-principal-without-condition';
import { wildcardWithoutLikeOperator } from './rules/wildcard-without-like-operator';

export const LINT_RULES: readonly LintRule[] = [
  actionsAndResourcesNeverMatch,
  allowNotActionWithUnsupportedTagConditionKeyForService,
  allowShadowedByDeny,
  allowWithNotPrincipal,
  allowWithUnsupportedTagConditionKeyForService,
  arnAccountNotAllowed,
  arnRegionNotAllowed,
  confirmAudienceClaimType,
  createSlrWithNotActionAndNotResource,
  createSlrWithNotResource,
  createSlrWithStarInActionAndNotResource,
  createSlrWithStarInActionAndResource,
  createSlrWithStarInResourceAndNotAction,
  createSlrWithStarInResource,
  dataTypeMismatch,
  denyNotActionWithUnsupportedTagConditionKeyForService,
  denyWithUnsupportedTagConditionKeyForService,
  deprecatedGlobalConditionKey,
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
  federatedPrincipalNotSupported,
  forAllValuesWithSingleValuedKey,
  improveIpRange,
  invalidAction,
  invalidArnAccount,
  invalidArnPrefix,
  invalidArnRegion,
  invalidArnResource,
  invalidArnServiceCase,
  invalidConditionKeyFormat,
  invalidConditionMultipleBoolean,
  invalidConditionOperator,
  invalidDateValue,
  invalidEffect,
  invalidFederatedPrincipalSyntaxInRoleTrustPolicy,
  invalidGlobalConditionKey,
  invalidPartition,
  invalidPolicyElement,
  invalidPrincipalFormat,
  invalidPrincipalKey,
  invalidRegion,
  invalidRoleReference,
  invalidServiceConditionKey,
  invalidServiceInAction,
  invalidServicePrincipalFormat,
  invalidService,
  invalidUserReference,
  invalidVariableForOperator,
  invalidVersion,
  irrelevantConditionKeyInPolicy,
  invalidVpceFormat,
  invalidVpcFormat,
  mismatchedActionForPrincipal,
  missingAction,
  missingActionForConditionKey,
  missingActionForRolesAnywhereTrustPolicy,
  missingArnField,
  missingArnRegion,
  missingAudienceForSamlPrincipal,
  missingBraceInVariable,
  missingConditionKeyForOidcPrincipal,
  missingEffect,
  missingExternalIdForThirdPartyPrincipal,
  missingGithubRepoConditionKey,
  missingMfaForHumanPrincipal,
  missingPairedConditionKeys,
  missingPrincipal,
  missingQualifier,
  missingQuoteInVariable,
  missingResource,
  missingStatement,
  missingTagKeyInCondition,
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
  policySizeExceedsManagedPolicyQuota,
  policySizeExceedsRcpQuota,
  policySizeExceedsResourcePolicyQuota,
  policySizeExceedsRoleTrustPolicyQuota,
  policySizeExceedsScpQuota,
  privateIpAddress,
  privateIpAddressSubset,
  privateNotIpAddress,
  privateNotIpAddressSubset,
  rcpSyntaxErrorAllow,
  rcpSyntaxErrorNotAction,
  rcpSyntaxErrorPrincipal,
  rcpUnsupportedService,
  redundantAction,
  recommendedConditionKeyForServicePrincipal,
  redundantConditionValueNum,
  invalidConditionDataType,
  redundantPrincipalInRoleTrustPolicy,
  redundantResource,
  redundantStatement,
  restrictAccessToServicePrincipal,
  roleTrustPolicySyntaxErrorNotPrincipal,
  roleTrustPolicySyntaxErrorResource,
  roleTrustPolicyUnsupportedWildcardInPrincipal,
  scpSyntaxErrorPrincipal,
  sessionPolicySizeExceedsQuota,
  specificGithubRepoAndBranchRecommended,
  stringLikeOperatorWithArnConditionKeys,
  typeMismatchBoolean,
  typeMismatchDate,
  typeMismatchIpRange,
  typeMismatchNumber,
  typeMismatchString,
  typeMismatch,
  uniqueSidsRecommended,
  uniqueSidsRequired,
  unknownAction,
  unknownServiceInAction,
  unknownService,
  unsupportedActionForConditionKey,
  unsupportedActionInPolicy,
  unsupportedConditionKeyForServicePrincipal,
  unsupportedElementCombination,
  unsupportedGlobalConditionKey,
  unsupportedPrincipal,
  unsupportedResourceArnInPolicy,
  unsupportedSid,
  unsupportedSpaceInVariable,
  unsupportedWildcardInPrincipal,
  variableUnsupportedInElement,
  variableUnsupportedInVersion,
  wildcardInServiceName,
  wildcardPrincipalWithoutCondition,
  wildcardWithoutLikeOperator,
  resourcePolicyGrantsPublicAccess,
];
