// One policy against one request: every statement explained, plus whether any Allow or
// Deny applied.
import { compilePolicy } from '../compile/compile-policy';
import { evaluateStatement, type PreparedRequest } from '../statement/evaluate-statement';
import type { LabeledPolicy, PolicyExplanation, PolicyInput, PolicyRef, PolicyType, StatementExplanation } from '../types';

export function toLabeled(input: PolicyInput, fallbackLabel: string): LabeledPolicy {
  return 'model' in input && 'label' in input ? input : { model: input, label: fallbackLabel };
}

export function evaluatePolicy(
  input: PolicyInput,
  ref: Omit<PolicyRef, 'label'>,
  fallbackLabel: string,
  request: PreparedRequest,
  applicable: boolean,
  note?: string,
): PolicyExplanation {
  const { model, label } = toLabeled(input, fallbackLabel);
  const policyRef: PolicyRef = { ...ref, label };
  const compiled = compilePolicy(model);
  const isResourcePolicy = ref.type === 'resource';
  const statements = compiled.statements.map((st) => evaluateStatement(st, policyRef, request, isResourcePolicy));
  return {
    ref: policyRef,
    range: compiled.range,
    applicable,
    note,
    allows: statements.some((s) => s.applies && s.effect === 'Allow'),
    denies: statements.some((s) => s.applies && s.effect === 'Deny'),
    statements,
  };
}

export function applyingStatements(policies: readonly PolicyExplanation[], effect: 'Allow' | 'Deny'): StatementExplanation[] {
  return policies.filter((p) => p.applicable).flatMap((p) => p.statements.filter((s) => s.applies && s.effect === effect));
}

export function defaultLabel(type: PolicyType, index: number, level?: number, trust = false): string {
  switch (type) {
    case 'identity':
      return `identity policy ${index + 1}`;
    case 'resource':
      return trust ? 'trust policy' : 'resource policy';
    case 'boundary':
      return 'permissions boundary';
    case 'session':
      return 'session policy';
    case 'scp':
      return `SCP ${index + 1} at level ${(level ?? 0) + 1}`;
    case 'rcp':
      return `RCP ${index + 1} at level ${(level ?? 0) + 1}`;
  }
}
