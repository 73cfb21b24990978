// The engine's entry point: one request, the policies that apply, one decision.
//
// sts:AssumeRole*, sts:TagSession and sts:SetSourceIdentity are decided by the role's trust
// policy as well as the caller's policies. An AssumeRole request that passes session tags or a
// source identity is also checked for `sts:TagSession` / `sts:SetSourceIdentity`, which the
// trust policy (and, as for AssumeRole itself, the caller's identity policy where needed) must
// allow.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html#id_credentials_temp_control-access_monitor-perms
import { evaluateRequest } from './decision/evaluate-request';
import { isAssumeRoleAction, isTrustGovernedAction } from './decision/temporary-credentials';
import type { ContextValue, EvaluationOptions, EvaluationRequest, EvaluationResult, PolicySet, RelatedDecision } from './types';

export function evaluate(request: EvaluationRequest, policies: PolicySet, options: EvaluationOptions = {}): EvaluationResult {
  const now = options.now ?? new Date();
  // sts:TagSession and sts:SetSourceIdentity asked on their own need the trust policy too.
  const trustGoverned = isTrustGovernedAction(request.action);
  const managementAccountId = options.managementAccountId;
  const explain = options.explain !== false;
  // Written out rather than spread from a common object: this runs once per request, and V8
  // copies a spread object far more slowly than it builds a literal.
  const main = evaluateRequest(request, policies, { now, managementAccountId, trustGoverned, explain, implied: false });
  if (!isAssumeRoleAction(request.action)) return main;

  const related: RelatedDecision[] = impliedPermissions(request.context).map(({ action, reason }) => {
    const result = evaluateRequest({ ...request, action }, policies, { now, managementAccountId, trustGoverned, explain, implied: true });
    return { action, reason, decision: result.decision, explanation: result.explanation };
  });
  if (related.length === 0) return main;
  main.explanation.related = related;
  if (main.decision === 'explicitDeny') return main;
  const worst =
    related.find((r) => r.decision === 'explicitDeny') ?? (main.decision === 'allowed' ? related.find((r) => r.decision === 'implicitDeny') : undefined);
  if (!worst) return main;
  return {
    decision: worst.decision,
    explanation: {
      ...main.explanation,
      summary: `${worst.reason} needs ${worst.action}: ${worst.explanation.summary}`,
      decidedBy: worst.explanation.decidedBy,
      missingAllow: worst.explanation.missingAllow,
    },
  };
}

function impliedPermissions(context: Record<string, ContextValue> | undefined): Array<{ action: string; reason: string }> {
  const keys = Object.entries(context ?? {}).map(([k, v]) => ({ key: k.toLowerCase(), present: Array.isArray(v) ? v.length > 0 : true }));
  const has = (test: (key: string) => boolean): boolean => keys.some((k) => k.present && test(k.key));
  const out: Array<{ action: string; reason: string }> = [];
  if (has((k) => k.startsWith('aws:requesttag/') || k === 'aws:tagkeys' || k === 'sts:transitivetagkeys')) {
    out.push({ action: 'sts:TagSession', reason: 'Passing session tags' });
  }
  if (has((k) => k === 'sts:sourceidentity')) out.push({ action: 'sts:SetSourceIdentity', reason: 'Setting a source identity' });
  return out;
}
