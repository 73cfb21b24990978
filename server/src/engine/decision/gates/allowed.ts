// What remains when every gate let the request through: it is allowed, by the statements that
// allowed it on each side.
import type { Verdict, GateState } from '../gate';
import { allowedByIdentitySummary, where } from '../summary';

export function allowedVerdict(s: GateState): Verdict {
  const { action, resource } = s.request;
  if (s.crossAccount) {
    return {
      decision: 'allowed',
      summary: `Allowed: ${where(s.resourceAllows[0])} and ${s.identityAllows[0] ? where(s.identityAllows[0]) : "the caller's account"} both allow ${action}.`,
      decidedBy: [...s.resourceAllows, ...s.identityAllows, ...s.limits],
    };
  }
  if (s.mustResourceAllow) s.notes.push(`The ${s.resourceWord} names only the account, so an identity policy must allow the request too.`);
  const summary = s.isRoot ? 'Allowed: the root user holds every permission of its account.' : allowedByIdentitySummary(s.identityAllows[0], action, resource);
  return { decision: 'allowed', summary, decidedBy: [...(s.mustResourceAllow ? s.resourceAllows : []), ...s.identityAllows, ...s.limits] };
}
