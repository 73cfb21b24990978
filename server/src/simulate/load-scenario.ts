// Scenario text → scenario: every test with its range, its request and the policies it runs
// against (scenario policies with the test's overrides). Problems become data with ranges;
// loading never throws on bad input.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { rangeOf } from '../policy/model';
import { bracketDepth, MAX_NESTING, propertyName } from '../policy/parse';
import { DECISIONS, type ContextValue, type CredentialFacts, type Decision, type EvaluationRequest } from '../engine/types';
import { mergePolicies, policySourceErrors, PolicySourceReader, type PolicyOverrides } from './policy-sources';
import type { ReadPolicyFile, Scenario, ScenarioError, ScenarioPolicies, ScenarioTest } from './scenario-types';

const ISSUERS = ['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML', 'GetSessionToken', 'GetFederationToken'];

/**
 * A scenario holds inline policies, which may nest MAX_NESTING levels, at most seven levels down
 * (tests → test → policies → scp → level → policy): deeper text is refused before jsonc-parser,
 * which recurses once per level, overflows the stack on it.
 */
export const SCENARIO_MAX_NESTING = MAX_NESTING + 8;

export function loadScenario(text: string, filePath: string, readFile: ReadPolicyFile): Scenario {
  const errors: ScenarioError[] = [];
  const depth = bracketDepth(text, SCENARIO_MAX_NESTING);
  if (depth.max > SCENARIO_MAX_NESTING) {
    const message = `The scenario nests deeper than ${SCENARIO_MAX_NESTING} levels; no scenario or policy needs that.`;
    errors.push({ message, file: filePath, range: { start: depth.offset, end: depth.offset + 1 } });
    return { filePath, errors, tests: [], policyFiles: [], managementAccountId: undefined };
  }
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  for (const e of parseErrors) {
    errors.push({ message: `Invalid JSON: ${printParseErrorCode(e.error)}.`, file: filePath, range: { start: e.offset, end: Math.min(text.length, e.offset + Math.max(1, e.length)) } });
  }
  const empty: Scenario = { filePath, errors, tests: [], policyFiles: [], managementAccountId: undefined };
  if (!root || root.type !== 'object') {
    if (parseErrors.length === 0) errors.push({ message: 'A scenario is a JSON object with "principal", "policies" and "tests".', file: filePath, range: { start: 0, end: Math.min(1, text.length) } });
    return empty;
  }
  const reader = new PolicySourceReader(filePath, readFile);
  const at = (node: Node | undefined, name: string): Node | undefined => child(node, name);
  const err = (message: string, node: Node): ScenarioError => reader.error(message, node);

  const principal = optionalString(at(root, 'principal'), 'principal', errors, err);
  const policiesNode = at(root, 'policies');
  const basePolicies = mergePolicies({}, policiesNode ? reader.policies(policiesNode, errors) : {});
  const baseContext = contextOf(at(root, 'context'), errors, err);
  const baseCredentials = credentialsOf(at(root, 'credentials'), errors, err);
  const baseNow = dateOf(at(root, 'now'), errors, err);
  const managementAccountId = optionalString(at(root, 'managementAccount'), 'managementAccount', errors, err);

  const testsNode = at(root, 'tests');
  const tests: ScenarioTest[] = [];
  if (!testsNode || testsNode.type !== 'array') {
    errors.push(err('"tests" must be a list of tests, each with "name", "action", "resource" and "expect".', testsNode ?? root));
  } else {
    for (const [i, node] of (testsNode.children ?? []).entries()) {
      tests.push(loadTest(node, i, { principal, basePolicies, baseContext, baseCredentials, baseNow }, reader, err));
    }
  }
  return { filePath, errors, tests, policyFiles: [...reader.referencedFiles], managementAccountId };
}

interface Defaults {
  principal: string | undefined;
  basePolicies: ScenarioPolicies;
  baseContext: Record<string, ContextValue> | undefined;
  baseCredentials: CredentialFacts | undefined;
  baseNow: Date | undefined;
}

function loadTest(node: Node, index: number, defaults: Defaults, reader: PolicySourceReader, err: (m: string, n: Node) => ScenarioError): ScenarioTest {
  const errors: ScenarioError[] = [];
  const range = rangeOf(node);
  if (node.type !== 'object') {
    errors.push(err('A test is an object with "name", "action", "resource" and "expect".', node));
    return { name: `test ${index + 1}`, range, request: { principal: '', action: '', resource: '' }, expected: undefined, expectRange: undefined, policies: {}, now: undefined, errors };
  }
  const name = optionalString(child(node, 'name'), 'name', errors, err) ?? `test ${index + 1}`;
  const required = (key: string): string => {
    const value = optionalString(child(node, key), key, errors, err);
    if (value === undefined && !child(node, key)) errors.push(err(`Test "${name}" needs "${key}".`, node));
    return value ?? '';
  };
  const action = required('action');
  const resource = required('resource');
  const principal = optionalString(child(node, 'principal'), 'principal', errors, err) ?? defaults.principal;
  if (!principal) errors.push(err(`Test "${name}" needs a "principal" (in the test or at the top of the scenario).`, node));
  const resourceAccount = optionalString(child(node, 'resourceAccount'), 'resourceAccount', errors, err);

  const expectNode = child(node, 'expect');
  let expected: Decision | undefined;
  if (!expectNode) errors.push(err(`Test "${name}" needs "expect": one of ${DECISIONS.join(', ')}.`, node));
  else if (expectNode.type === 'string' && (DECISIONS as readonly string[]).includes(expectNode.value as string)) expected = expectNode.value as Decision;
  else errors.push(err(`Unknown "expect" value ${JSON.stringify(expectNode.value ?? null)}: use one of ${DECISIONS.join(', ')}.`, expectNode));

  const contextOverride = contextOf(child(node, 'context'), errors, err);
  const context = defaults.baseContext || contextOverride ? Object.assign(Object.create(null) as Record<string, ContextValue>, defaults.baseContext, contextOverride) : undefined;
  const credentials = credentialsOf(child(node, 'credentials'), errors, err) ?? defaults.baseCredentials;
  const now = dateOf(child(node, 'now'), errors, err) ?? defaults.baseNow;
  const policiesNode = child(node, 'policies');
  const overrides: PolicyOverrides = policiesNode ? reader.policies(policiesNode, errors) : {};
  const policies = mergePolicies(defaults.basePolicies, overrides);
  errors.push(...policySourceErrors(policies));

  const request: EvaluationRequest = { principal: principal ?? '', action, resource, resourceAccount, context, credentials };
  return { name, range, request, expected, expectRange: expectNode && rangeOf(expectNode), policies, now, errors };
}

function child(node: Node | undefined, name: string): Node | undefined {
  if (!node || node.type !== 'object') return undefined;
  const prop = (node.children ?? []).find((p) => propertyName(p) === name);
  return prop?.children?.[1];
}

function optionalString(node: Node | undefined, key: string, errors: ScenarioError[], err: (m: string, n: Node) => ScenarioError): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return node.value as string;
  errors.push(err(`"${key}" must be a string.`, node));
  return undefined;
}

function contextOf(node: Node | undefined, errors: ScenarioError[], err: (m: string, n: Node) => ScenarioError): Record<string, ContextValue> | undefined {
  if (!node) return undefined;
  if (node.type !== 'object') {
    errors.push(err('"context" maps condition keys to a string or a list of strings.', node));
    return undefined;
  }
  // No prototype: a key named `__proto__` is a key like any other, not the object's prototype.
  const out: Record<string, ContextValue> = Object.create(null);
  for (const prop of node.children ?? []) {
    const key = propertyName(prop);
    const value = prop.children?.[1];
    if (!key || !value) continue;
    if (value.type === 'array') out[key] = (value.children ?? []).map(scalarText);
    else if (value.type === 'object' || value.type === 'null') errors.push(err(`Context key "${key}" takes a string or a list of strings.`, value));
    else out[key] = scalarText(value);
  }
  return out;
}

function scalarText(node: Node): string {
  return node.type === 'string' ? (node.value as string) : String(node.value);
}

function credentialsOf(node: Node | undefined, errors: ScenarioError[], err: (m: string, n: Node) => ScenarioError): CredentialFacts | undefined {
  if (!node) return undefined;
  if (node.type !== 'object') {
    errors.push(err('"credentials" describes how the caller got its credentials: {"issuedBy": "AssumeRole", "mfa": true, …}.', node));
    return undefined;
  }
  const facts: CredentialFacts = {};
  const issuedBy = child(node, 'issuedBy');
  if (issuedBy) {
    if (issuedBy.type === 'string' && ISSUERS.includes(issuedBy.value as string)) facts.issuedBy = issuedBy.value as CredentialFacts['issuedBy'];
    else errors.push(err(`"issuedBy" must be one of ${ISSUERS.join(', ')}.`, issuedBy));
  }
  const mfa = child(node, 'mfa');
  if (mfa) {
    if (mfa.type === 'boolean') facts.mfa = mfa.value as boolean;
    else errors.push(err('"mfa" must be true or false.', mfa));
  }
  for (const key of ['issuedAt', 'mfaAuthenticatedAt', 'roleArn', 'uniqueId'] as const) {
    const value = optionalString(child(node, key), key, errors, err);
    if (value !== undefined) facts[key] = value;
  }
  return facts;
}

function dateOf(node: Node | undefined, errors: ScenarioError[], err: (m: string, n: Node) => ScenarioError): Date | undefined {
  if (!node) return undefined;
  const ms = node.type === 'string' ? Date.parse(node.value as string) : NaN;
  if (Number.isNaN(ms)) {
    errors.push(err('"now" must be an ISO 8601 date and time, e.g. "2025-01-01T12:00:00Z".', node));
    return undefined;
  }
  return new Date(ms);
}
