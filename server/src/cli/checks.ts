// `iam-sts check-no-new-access | check-no-public-access | check-access-not-granted`: the offline
// custom policy checks, named and shaped as the AWS CLI's `aws accessanalyzer` commands.
// Exit status: 0 PASS, 1 FAIL, 2 bad usage.
// https://docs.aws.amazon.com/cli/latest/reference/accessanalyzer/check-no-new-access.html
import { existsSync, readFileSync } from 'node:fs';
import { loadIamData } from '../data/iamData';
import {
  AccessListError,
  checkAccessNotGranted,
  checkNoNewAccess,
  checkNoPublicAccess,
  PolicyInputError,
  POLICY_TYPE_NAMES,
  readAccessList,
  readPolicyType,
  ResourceTypeError,
  type CheckResult,
} from '../checks';
import { embeddedPolicies, policyByLocator, splitLocator } from '../embedded/byLocator';
import { loadTerraformParser } from '../embedded/terraform/parser';
import { parsePolicyText } from '../policy/parse';
import type { PolicyModel } from '../policy/model';
import { UsageError } from './usage';

export const CHECK_COMMANDS = ['check-no-new-access', 'check-no-public-access', 'check-access-not-granted'] as const;
export type CheckCommand = (typeof CHECK_COMMANDS)[number];

const OPTIONS: Record<CheckCommand, string[]> = {
  'check-no-new-access': ['--policy-type', '--existing-policy-document', '--new-policy-document'],
  'check-no-public-access': ['--resource-type', '--policy-document'],
  'check-access-not-granted': ['--policy-type', '--policy-document', '--access'],
};

function parseArgs(command: CheckCommand, argv: string[]): { values: Map<string, string>; format: 'text' | 'json' } {
  const values = new Map<string, string>();
  let format: 'text' | 'json' = 'text';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [name, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (name === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json') throw new UsageError(`unknown format "${f}"; use text or json`);
      format = f;
    } else if (OPTIONS[command].includes(name)) {
      if (values.has(name)) throw new UsageError(`${name} given twice`);
      values.set(name, value());
    } else throw new UsageError(`${command}: unknown ${name.startsWith('-') ? 'option' : 'argument'} ${name}`);
  }
  const missing = OPTIONS[command].filter((o) => !values.has(o));
  if (missing.length) throw new UsageError(`${command} needs ${missing.join(', ')}`);
  return { values, format };
}

/** A file's text; `file://` as the AWS CLI writes it is accepted too. */
function readArgumentFile(option: string, value: string): string {
  const file = value.startsWith('file://') ? value.slice('file://'.length) : value;
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${option}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * A policy file, or a policy inside a template or a `.tf` file named as scenarios name it:
 * `template.yaml#VendorRole.AssumeRolePolicyDocument`, `main.tf#data.aws_iam_policy_document.read`.
 */
function readPolicy(option: string, value: string): PolicyModel {
  const path = value.startsWith('file://') ? value.slice('file://'.length) : value;
  // A file whose own name holds a '#' is read as it is.
  const { file, locator } = existsSync(path) ? { file: path, locator: undefined } : splitLocator(path);
  const text = readArgumentFile(option, file);
  if (locator !== undefined) {
    const located = policyByLocator(text, file, locator);
    if ('error' in located) throw new UsageError(`${option}: ${file}: ${located.error}`);
    return located.model;
  }
  const parsed = parsePolicyText(text);
  if (!parsed.model) {
    // A template or a .tf file: say how to name one of its policies.
    const found = embeddedPolicies(text, file);
    const locators = found === 'not loaded' ? [] : found.map((f) => f.locator);
    if (locators.length) throw new UsageError(`${option}: ${file} holds ${locators.length === 1 ? 'a policy' : `${locators.length} policies`}; name one as ${file}#<policy>: ${locators.join(', ')}`);
  }
  if (parsed.syntaxErrors.length) throw new UsageError(`${option}: ${value} is not valid JSON: ${parsed.syntaxErrors[0].message}`);
  if (!parsed.model) throw new UsageError(`${option}: ${value} is not an IAM policy (no "Statement")`);
  return parsed.model;
}

function policyTypeOf(value: string) {
  const kind = readPolicyType(value);
  if (!kind) throw new UsageError(`unknown policy type "${value}"; use one of ${POLICY_TYPE_NAMES}`);
  return kind;
}

export async function checkCommand(command: CheckCommand, argv: string[]): Promise<number> {
  const { values, format } = parseArgs(command, argv);
  const get = (o: string) => values.get(o)!;
  const data = await loadIamData();
  // Policies in .tf files are read synchronously below.
  if ([...values.values()].some((v) => /\.tf(#|$)/i.test(v))) await loadTerraformParser();
  let result: CheckResult;
  try {
    if (command === 'check-no-new-access') {
      const type = policyTypeOf(get('--policy-type'));
      result = checkNoNewAccess(readPolicy('--existing-policy-document', get('--existing-policy-document')), readPolicy('--new-policy-document', get('--new-policy-document')), type, { data });
    } else if (command === 'check-no-public-access') {
      result = checkNoPublicAccess(readPolicy('--policy-document', get('--policy-document')), get('--resource-type'), { data });
    } else {
      const type = policyTypeOf(get('--policy-type'));
      const accessText = get('--access');
      let raw: unknown;
      try {
        raw = JSON.parse(accessText.startsWith('file://') ? readArgumentFile('--access', accessText) : accessText);
      } catch (e) {
        if (e instanceof UsageError) throw e;
        throw new UsageError(`--access is not valid JSON: ${(e as Error).message}`);
      }
      result = checkAccessNotGranted(readPolicy('--policy-document', get('--policy-document')), type, readAccessList(raw), { data });
    }
  } catch (e) {
    if (e instanceof ResourceTypeError || e instanceof AccessListError || e instanceof PolicyInputError) throw new UsageError(e.message);
    throw e;
  }
  process.stdout.write(format === 'json' ? `${JSON.stringify(apiShape(result), null, 2)}\n` : textOf(result));
  return result.result === 'PASS' ? 0 : 1;
}

/** Exactly the API's response fields. */
function apiShape(r: CheckResult) {
  return {
    result: r.result,
    message: r.message,
    reasons: r.reasons.map((x) => ({ description: x.description, statementIndex: x.statementIndex, ...(x.statementId !== undefined ? { statementId: x.statementId } : {}) })),
  };
}

function textOf(r: CheckResult): string {
  const lines = [`${r.result}: ${r.message}`];
  for (const x of r.reasons) lines.push(`  ${x.description}`);
  return `${lines.join('\n')}\n`;
}
