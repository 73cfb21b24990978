// A policy inside a template or a `.tf` file named by its locator, as a scenario names it:
// `./template.yaml#VendorRole.AssumeRolePolicyDocument`, `./main.tf#data.aws_iam_policy_document.read`.
// Synchronous, as scenario loading is: a `.tf` file needs the Terraform parser loaded first.
import { kindFromContent } from '../policy/kinds';
import type { DocumentKind, PolicyModel } from '../policy/model';
import { buildPolicyModel } from '../policy/parse';
import { jsonTemplateRoot, mayBeTemplate, templatePolicies, yamlTemplateRoot } from './cloudformation';
import type { FoundPolicy } from './foundPolicy';
import { terraformPoliciesNow } from './terraform';
import { siblingTerraformTexts } from './terraform/siblings';

export type LocatedPolicy = { model: PolicyModel; kind: DocumentKind } | { error: string };

/** Splits `file#locator`; no `#`, no locator. */
export function splitLocator(reference: string): { file: string; locator: string | undefined } {
  const hash = reference.indexOf('#');
  return hash < 0 ? { file: reference, locator: undefined } : { file: reference.slice(0, hash), locator: reference.slice(hash + 1) };
}

export function embeddedPolicies(text: string, file: string): FoundPolicy[] | 'not loaded' {
  const lower = file.toLowerCase();
  if (lower.endsWith('.tf')) return terraformPoliciesNow(text, siblingTerraformTexts(file));
  if (!mayBeTemplate(text)) return [];
  const yaml = lower.endsWith('.yaml') || lower.endsWith('.yml') || (lower.endsWith('.template') && !/^\s*\{/.test(text));
  const root = yaml ? yamlTemplateRoot(text) : jsonTemplateRoot(text);
  return root ? templatePolicies(root, yaml ? 'yaml' : 'json') : [];
}

export function policyByLocator(text: string, file: string, locator: string): LocatedPolicy {
  const found = embeddedPolicies(text, file);
  if (found === 'not loaded') return { error: 'the Terraform parser is still loading; the scenario runs again in a moment' };
  const policy = found.find((f) => f.locator === locator);
  if (!policy) {
    const known = found.map((f) => f.locator);
    return { error: known.length ? `no policy "${locator}" in it; it has ${known.join(', ')}` : `no policy "${locator}" in it; it holds no policies` };
  }
  const model = buildPolicyModel(policy.merged?.root ?? policy.root);
  return { model, kind: policy.kind ?? kindFromContent(model) };
}
