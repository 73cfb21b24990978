// The decision for one request: the gates of `gates/index.ts`, in AWS's evaluation order, each
// deciding or passing the request on; a request every gate lets through is allowed.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
import type { EvaluationRequest, EvaluationResult, PolicySet, StatementExplanation, StatementRef } from '../types';
import type { RequestEvaluationOptions, Verdict } from './gate';
import { buildGateState } from './gate-state';
import { GATES, allowedVerdict } from './gates';

export type { RequestEvaluationOptions } from './gate';

export function evaluateRequest(request: EvaluationRequest, policies: PolicySet, options: RequestEvaluationOptions): EvaluationResult {
  const state = buildGateState(request, policies, options);
  let verdict: Verdict | undefined;
  for (const gate of GATES) {
    verdict = gate.decide(state);
    if (verdict) break;
  }
  verdict ??= allowedVerdict(state);
  return {
    decision: verdict.decision,
    explanation: {
      summary: verdict.summary,
      decidedBy: verdict.decidedBy.map(toStatementRef),
      missingAllow: verdict.missingAllow,
      policies: state.all,
      notes: state.notes,
      crossAccount: state.crossAccount,
      principalAccount: state.caller.account,
      resourceAccount: state.resourceAccount,
      context: options.explain ? state.context.toRecord() : {},
      related: [],
    },
  };
}

function toStatementRef(st: StatementExplanation): StatementRef {
  return { policy: st.policy, index: st.index, sid: st.sid, effect: st.effect === 'Deny' ? 'Deny' : 'Allow', range: st.range };
}
