import { conditionUses, isAllow } from '../support/statements';
import type { LintRule } from '../types';

// A service principal acts for every customer of the service: without a condition on the
// source (the resource or account the service acts for), any account's use of the service can
// reach this resource — the cross-service confused deputy.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html#cross-service-confused-deputy-prevention
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-security-warning-restrict-access-to-service-principal
const SOURCE_KEYS = new Set(['aws:sourcearn', 'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths']);

export const restrictAccessToServicePrincipal: LintRule = {
  code: 'RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL',
  type: 'SECURITY_WARNING',
  // Resource policies only: role trust policies for services are the service's own way in.
  kinds: ['resource'],
  check({ model }, report) {
    for (const st of model.statements) {
      if (!isAllow(st)) continue;
      const services = (st.principal?.entries ?? []).filter((e) => e.kind === 'Service' && e.value.jsonType === 'string');
      if (services.length === 0) continue;
      // A positive condition on a source key names the source. IfExists is accepted: services
      // send these keys whenever they act for a resource.
      const restricted = conditionUses(st).some(
        (u) => SOURCE_KEYS.has(u.entry.key.value.toLowerCase()) && u.operator !== undefined && !u.operator.negated && u.operator.family !== 'Null' && u.entry.values.length > 0,
      );
      if (restricted) continue;
      for (const e of services) {
        report(
          e.value.range,
          `Granting access to the service principal ${e.value.text} without specifying a source is overly permissive. We recommend that you restrict access with the aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths condition key.`,
        );
      }
    }
  },
};
