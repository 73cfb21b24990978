// The wildcard matcher lives in ../iam/wildcard (one matcher for the engine, the linter and the
// hovers); this module keeps the IAM reference's and the linter's import path.
export { compileWildcard, hasWildcard, wildcardMatch, type WildcardPattern } from '../iam/wildcard';
