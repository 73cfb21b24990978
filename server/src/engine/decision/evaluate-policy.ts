// One policy against one request: every statement explained, plus whether any Allow or
// Deny applied.
import { compilePolicy } from '../compile/compile-policy';
import { evaluateStatement, statementApplies, type PreparedRequest } from '../statement/evaluate-statement';
import type { PolicyExplanation, PolicyInput, PolicyRef, PolicyType, StatementExplanation } from '../types';

export function evaluatePolicy(
  input: PolicyInput,
  ref: Omit<PolicyRef, 'label'>,
  /** A resource policy that is a role trust policy (for its default label). */
  trust: boolean,
  request: PreparedRequest,
  applicable: boolean,
  note: string | undefined,
  /** False: explain only the statements that apply, and leave the others out. */
  explain: boolean,
): PolicyExplanation {
  const labeled = 'model' in input && 'label' in input;
  const model = labeled ? input.model : input;
  // The default label is built only for unlabelled policies: bulk callers label theirs.
  const label = labeled ? input.label : defaultLabel(ref.type, ref.index, ref.level, trust);
  // A literal, not a spread of `ref` (slow per request); `level` only where the caller gave one.
  const policyRef: PolicyRef = ref.level === undefined ? { type: ref.type, index: ref.index, label } : { type: ref.type, index: ref.index, level: ref.level, label };
  const compiled = compilePolicy(model);
  const isResourcePolicy = ref.type === 'resource';
  if (!explain) {
    const applying: StatementExplanation[] = [];
    let allows = false;
    let denies = false;
    // Only statements that name the action's service (or may match any) can apply.
    const candidates = compiled.candidates(request.lowerService);
    for (let i = 0; i < candidates.length; i++) {
      const st = candidates[i];
      if (!statementApplies(st, request, isResourcePolicy)) continue;
      const explained = evaluateStatement(st, policyRef, request, isResourcePolicy);
      applying.push(explained);
      if (explained.effect === 'Allow') allows = true;
      else if (explained.effect === 'Deny') denies = true;
    }
    return { ref: policyRef, range: compiled.range, applicable, note, allows, denies, statements: applying };
  }
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
  const out: StatementExplanation[] = [];
  for (const p of policies) {
    if (!p.applicable) continue;
    for (const s of p.statements) if (s.applies && s.effect === effect) out.push(s);
  }
  return out;
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
