// What IAM accepts as a principal value, by its key, and what is wrong with one it would refuse
// ("Invalid principal in policy"). Values with a wildcard or a policy variable are left to the
// rules about those.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
import { editDistance } from '../../data/iamData';
import { hasWildcard } from '../../iam/wildcard';
import type { DocumentKind, PolicyModel, PrincipalEntry, ScalarValue, Statement } from '../../policy/model';
import { isAccountId, parseArn, PARTITIONS } from '../../iam/arn';
import { isUniqueId } from '../../iam/principals';

export type PrincipalProblemCode = 'INVALID_ARN_ACCOUNT' | 'INVALID_PRINCIPAL_FORMAT' | 'INVALID_PARTITION';

export interface PrincipalProblem {
  code: PrincipalProblemCode;
  message: string;
  /** The value the author plainly meant, when there is one. */
  suggestion?: string;
}

/** Every string value of a statement's Principal and NotPrincipal, with its key. */
export function principalValues(st: Statement): Array<{ kind: string; value: ScalarValue }> {
  const out: Array<{ kind: string; value: ScalarValue }> = [];
  for (const block of [st.principal, st.notPrincipal]) {
    for (const e of block?.entries ?? ([] as PrincipalEntry[])) if (e.kind !== '*' && e.value.jsonType === 'string') out.push({ kind: e.kind, value: e.value });
  }
  return out;
}

/** Values another rule speaks for: wildcards (UNSUPPORTED_WILDCARD_IN_PRINCIPAL) and variables. */
export function isOpenPrincipal(text: string): boolean {
  return hasWildcard(text) || text.includes('${');
}

/**
 * IAM paths and names: the resource part after `user/` or `role/` is `path/name`; names are of
 * `[\w+=,.@-]`, paths of any printable ASCII.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
 */
function isIamNameChar(c: string): boolean {
  return /[A-Za-z0-9_+=,.@-]/.test(c);
}

function isPathAndName(rest: string): boolean {
  const slash = rest.lastIndexOf('/');
  const name = rest.slice(slash + 1);
  const path = slash < 0 ? '' : rest.slice(0, slash);
  return name.length > 0 && [...name].every(isIamNameChar) && [...path].every((c) => c >= '!' && c <= '~');
}

/** CloudFront origin access identities are IAM users of the `cloudfront` account. */
const CLOUDFRONT_OAI = /^user\/CloudFront Origin Access Identity [A-Z0-9]+$/;

interface ResourceShape {
  service: 'iam' | 'sts';
  prefix: string;
  /** The resource after the prefix is well-formed. */
  rest: (rest: string) => boolean;
}

const RESOURCE_SHAPES: readonly ResourceShape[] = [
  { service: 'iam', prefix: 'user/', rest: isPathAndName },
  { service: 'iam', prefix: 'role/', rest: isPathAndName },
  // assumed-role/ROLE-NAME/SESSION-NAME: the role's name without its path, then the session.
  { service: 'sts', prefix: 'assumed-role/', rest: (r) => r.split('/').length === 2 && r.split('/').every((p) => p.length > 0 && [...p].every(isIamNameChar)) },
  { service: 'sts', prefix: 'federated-user/', rest: (r) => r.length > 0 && [...r].every(isIamNameChar) },
];

function accountProblem(account: string, value: string): PrincipalProblem {
  const digits = [...account].filter((c) => c >= '0' && c <= '9').join('');
  const suggestion = digits.length === 12 && account.length > 12 ? value.replace(account, digits) : undefined;
  return {
    code: 'INVALID_ARN_ACCOUNT',
    message: `The principal ARN account ID "${account}" is not valid. Provide a 12-digit account ID.${suggestion ? ` Did you mean ${digits}?` : ''}`,
    suggestion,
  };
}

/** An `AWS` principal: `*`, an account ID, or the ARN of an account root, user, role, role session or federated user. */
export function awsPrincipalProblem(value: string): PrincipalProblem | undefined {
  if (value === '*' || isAccountId(value) || isUniqueId(value)) return undefined;
  const trimmed = value.trim();
  if (trimmed !== value && trimmed.length > 0 && !awsPrincipalProblem(trimmed)) {
    return { code: 'INVALID_PRINCIPAL_FORMAT', message: `The principal "${value}" has spaces around it, which IAM does not remove.`, suggestion: trimmed };
  }
  if (/^\d+$/.test(value)) {
    return { code: 'INVALID_ARN_ACCOUNT', message: `The account ID "${value}" has ${value.length} digits, not 12. Provide a 12-digit account ID.` };
  }
  const arn = parseArn(value);
  if (!arn) {
    return {
      code: 'INVALID_PRINCIPAL_FORMAT',
      message: `The AWS principal "${value}" is not valid. Specify a 12-digit account ID or the ARN of an account (arn:aws:iam::111122223333:root), user, role, role session or federated user.`,
    };
  }
  if (!PARTITIONS.includes(arn.partition)) {
    return { code: 'INVALID_PARTITION', message: `The principal ARN partition "${arn.partition}" is not valid. Use one of: ${PARTITIONS.join(', ')}.` };
  }
  if (arn.service !== 'iam' && arn.service !== 'sts') {
    return { code: 'INVALID_PRINCIPAL_FORMAT', message: `"${value}" is a ${arn.service} ARN; an AWS principal is an IAM or STS ARN (account root, user, role, role session or federated user).` };
  }
  if (arn.service === 'iam' && arn.account === 'cloudfront' && CLOUDFRONT_OAI.test(arn.resource)) return undefined;
  if (!isAccountId(arn.account)) return accountProblem(arn.account, value);
  const rebuilt = (service: string, resource: string) => `arn:${arn.partition}:${service}::${arn.account}:${resource}`;
  if (arn.service === 'iam' && arn.resource === 'root' && arn.region === '') return undefined;
  const shape = RESOURCE_SHAPES.find((s) => arn.resource.startsWith(s.prefix));
  if (shape) {
    if (!shape.rest(arn.resource.slice(shape.prefix.length))) {
      return { code: 'INVALID_PRINCIPAL_FORMAT', message: `The principal "${value}" does not name a ${shape.prefix.slice(0, -1)}: write ${shapeExample(shape)}.` };
    }
    if (arn.service !== shape.service || arn.region !== '') {
      const suggestion = rebuilt(shape.service, arn.resource);
      return {
        code: 'INVALID_PRINCIPAL_FORMAT',
        message: `A ${shape.prefix.slice(0, -1)} principal is an ${shape.service} ARN without a Region: ${suggestion}.`,
        suggestion,
      };
    }
    return undefined;
  }
  if (arn.resource.startsWith('group/')) {
    return { code: 'INVALID_PRINCIPAL_FORMAT', message: 'An IAM group cannot be a principal: name its users, or a role they assume.' };
  }
  const suggestion = closestResource(arn.resource);
  const fixed = suggestion !== undefined ? rebuilt(suggestion.service, suggestion.resource) : undefined;
  return {
    code: 'INVALID_PRINCIPAL_FORMAT',
    message: `The principal "${value}" is not an account root, user, role, role session or federated user.${fixed ? ` Did you mean ${fixed}?` : ''}`,
    suggestion: fixed,
  };
}

function shapeExample(shape: ResourceShape): string {
  if (shape.prefix === 'assumed-role/') return 'arn:aws:sts::111122223333:assumed-role/ROLE-NAME/SESSION-NAME';
  if (shape.prefix === 'federated-user/') return 'arn:aws:sts::111122223333:federated-user/USER-NAME';
  return `arn:aws:iam::111122223333:${shape.prefix}NAME (with an optional path)`;
}

/** A mistyped `root` or resource type (`rooot`, `usr/alice`) → what was meant. */
function closestResource(resource: string): { service: 'iam' | 'sts'; resource: string } | undefined {
  const slash = resource.indexOf('/');
  if (slash < 0) return resource.length > 0 && editDistance(resource.toLowerCase(), 'root', 3) <= 2 ? { service: 'iam', resource: 'root' } : undefined;
  const type = resource.slice(0, slash + 1).toLowerCase();
  const rest = resource.slice(slash + 1);
  let best: ResourceShape | undefined;
  let bestDistance = 3;
  for (const s of RESOURCE_SHAPES) {
    const d = editDistance(type, s.prefix, bestDistance);
    if (d < bestDistance) {
      best = s;
      bestDistance = d;
    }
  }
  return best && best.rest(rest) ? { service: best.service, resource: best.prefix + rest } : undefined;
}

/** A `CanonicalUser` principal: the 64 hexadecimal digits of an S3 canonical user ID. */
export function canonicalUserProblem(value: string): PrincipalProblem | undefined {
  if (/^[0-9a-f]{64}$/i.test(value)) return undefined;
  return { code: 'INVALID_PRINCIPAL_FORMAT', message: `The canonical user ID "${value}" is not valid: it is 64 hexadecimal characters.` };
}

/** A `Federated` principal outside a trust policy (trust policies have their own check): an identity provider. */
export function federatedProblem(value: string): PrincipalProblem | undefined {
  const arn = parseArn(value);
  if (!arn) {
    const labels = value.split('.');
    if (labels.length >= 2 && labels.every((l) => /^[A-Za-z0-9-]+$/.test(l))) return undefined;
    return { code: 'INVALID_PRINCIPAL_FORMAT', message: `The federated principal "${value}" is not valid: name a web identity provider (e.g. cognito-identity.amazonaws.com) or an IAM SAML or OIDC provider ARN.` };
  }
  if (arn.service === 'iam' && (arn.resource.startsWith('saml-provider/') || arn.resource.startsWith('oidc-provider/'))) {
    return isAccountId(arn.account) ? undefined : accountProblem(arn.account, value);
  }
  return { code: 'INVALID_PRINCIPAL_FORMAT', message: `The federated principal "${value}" is not an IAM SAML or OIDC provider ARN (arn:aws:iam::111122223333:saml-provider/NAME).` };
}

/**
 * What is wrong with one principal value under its key; undefined when IAM accepts it or another
 * rule speaks for it (Service: INVALID_SERVICE_PRINCIPAL_FORMAT; Federated in a trust policy:
 * INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY, which leaves the account to us).
 */
export function principalProblem(kind: string, value: string, documentKind: DocumentKind): PrincipalProblem | undefined {
  if (isOpenPrincipal(value)) return undefined;
  if (kind === 'AWS') return awsPrincipalProblem(value);
  if (kind === 'CanonicalUser') return canonicalUserProblem(value);
  if (kind === 'Federated') {
    const problem = federatedProblem(value);
    return documentKind === 'trust' && problem?.code !== 'INVALID_ARN_ACCOUNT' ? undefined : problem;
  }
  return undefined;
}

export interface LocatedPrincipalProblem extends PrincipalProblem {
  value: ScalarValue;
}

const cache = new WeakMap<PolicyModel, Map<DocumentKind, LocatedPrincipalProblem[]>>();

/** Every principal value of the policy IAM would refuse, once per model and kind. */
export function principalProblems(model: PolicyModel, documentKind: DocumentKind): LocatedPrincipalProblem[] {
  let byKind = cache.get(model);
  if (!byKind) cache.set(model, (byKind = new Map()));
  let out = byKind.get(documentKind);
  if (!out) {
    out = [];
    for (const st of model.statements) {
      for (const { kind, value } of principalValues(st)) {
        const problem = principalProblem(kind, value.text, documentKind);
        if (problem) out.push({ ...problem, value });
      }
    }
    byKind.set(documentKind, out);
  }
  return out;
}
