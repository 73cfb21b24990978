// A resource or trust policy that makes its resource public, decided by the offline
// CheckNoPublicAccess (server/src/checks). A resource policy's document does not say what it is
// attached to, so it is checked as each resource type whose service its actions name.
// https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoPublicAccess.html
import { checkNoPublicAccess } from '../../checks';
import { publicResourceType } from '../../checks/noPublicAccess';
import type { Statement } from '../../policy/model';
import type { LintRule } from '../types';

const TRUST_TYPE = 'AWS::IAM::AssumeRolePolicyDocument';

export const resourcePolicyGrantsPublicAccess: LintRule = {
  code: 'RESOURCE_POLICY_GRANTS_PUBLIC_ACCESS',
  type: 'SECURITY_WARNING',
  kinds: ['resource', 'trust'],
  check({ model, kind, data }, report) {
    // Most policies name particular principals: no resource type can make them public, and each
    // type's check would read the statements and expand their actions for nothing.
    if (!model.statements.some((st) => mayBePublic(st, kind === 'trust'))) return;
    const types = kind === 'trust' ? [TRUST_TYPE] : candidateTypes(model.statements);
    const reported = new Set<number>();
    for (const type of types) {
      const result = checkNoPublicAccess(model, type, { data });
      for (const reason of result.reasons) {
        if (reported.has(reason.statementIndex)) continue;
        reported.add(reason.statementIndex);
        const st = model.statements[reason.statementIndex];
        const at = st.principal ?? st.notPrincipal;
        report(at ? at.range : st.range, reason.description.replace(/^Public access in /, `Public access (as ${type}) in `));
      }
    }
  },
};

/**
 * Whether a statement may be one the check finds public: an Allow whose principal is NotPrincipal,
 * names `*`, or (in a trust policy) a federated provider. Wider than the check's own test
 * (checks/noPublicAccess.ts publicPrincipal), never narrower: a statement it leaves out has no
 * principal the check calls everyone.
 */
function mayBePublic(st: Statement, trust: boolean): boolean {
  if (st.effect?.value !== 'Allow') return false;
  if (!st.principal) return !!st.notPrincipal;
  return st.principal.entries.some((e) => e.value.text === '*' || (trust && e.kind === 'Federated'));
}

/**
 * The resource types the editor checks a resource policy as: the ones people most often make
 * public (all of them for `*` or NotAction, else those of the services named). Each costs ~15 ms,
 * too much for every keystroke over all 25; the CLI's check-no-public-access takes any type.
 */
const WILDCARD_TYPES = ['AWS::S3::Bucket', 'AWS::S3::AccessPoint', 'AWS::KMS::Key', 'AWS::SQS::Queue', 'AWS::SNS::Topic', 'AWS::Lambda::Function', 'AWS::SecretsManager::Secret', 'AWS::ECR::Repository'];

/** The resource types whose service an Allow statement names (the common ones for `*` or NotAction). */
function candidateTypes(statements: readonly Statement[]): string[] {
  const services = new Set<string>();
  let any = false;
  for (const st of statements) {
    if (st.effect?.value !== 'Allow') continue;
    if (st.notAction) any = true;
    for (const v of st.action?.values ?? []) {
      const colon = v.text.indexOf(':');
      const service = colon > 0 ? v.text.slice(0, colon).toLowerCase() : '';
      if (v.text === '*' || service.includes('*') || service.includes('?')) any = true;
      else if (service) services.add(service);
    }
  }
  if (any) return WILDCARD_TYPES;
  return WILDCARD_TYPES.filter((t) => publicResourceType(t)!.services.some((s) => services.has(s)));
}
