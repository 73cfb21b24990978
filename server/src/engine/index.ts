// Public entry of the evaluation engine. Pure: no vscode, no LSP, no I/O.
export { evaluate } from './evaluate';
export { compilePolicy, type CompiledPolicy } from './compile/compile-policy';
export { compileGlob, globMatches, type Glob } from '../iam/wildcard';
export { arnMatches, compileArnPattern } from './arn/arn-pattern';
export { CONDITION_OPERATORS, parseOperatorName } from './conditions/registry';
export { parseCaller, type CallerIdentity, type CallerKind } from './principal/request-principal';
export * from './types';
