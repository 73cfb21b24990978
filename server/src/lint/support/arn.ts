// The ARN splitter lives in ../../iam/arn (one for the engine, the linter and the hovers); this
// module keeps the lint rules' import path.
export { ARN_PARTS, arnAccount, isAccountId, looksLikeRegion, parseArn, PARTITIONS, splitArn, type ArnParts } from '../../iam/arn';
