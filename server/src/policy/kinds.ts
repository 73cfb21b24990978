// Which kind of policy a document is: the user's glob mapping first, then the file name, then
// what the policy says.
import { wildcardMatch } from '../iam/wildcard';
import type { DocumentKind, PolicyModel } from './model';

export interface KindOverride {
  /** A glob over the file path: `*` and `?` stay within a path segment, `**` spans segments. */
  glob: string;
  kind: DocumentKind;
}

/**
 * Words of a file name that say its kind, checked in this order. They are whole words (split at
 * `-`, `_`, `.`, spaces and camelCase), so "TrustedAdvisor" is not a trust policy nor
 * "PolicyForSessions" a session policy.
 */
const NAME_HINTS: ReadonlyArray<[readonly string[], DocumentKind]> = [
  [['trust'], 'trust'],
  [['scp'], 'scp'],
  [['rcp'], 'rcp'],
  [['session'], 'session'],
  [['boundary'], 'boundary'],
  [['bucket', 'policy'], 'resource'],
  [['resource', 'policy'], 'resource'],
];

/** `AWSOrganizationsServiceTrustPolicy.json` → aws, organizations, service, trust, policy, json. */
export function fileNameWords(base: string): string[] {
  return base
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

function hasWords(words: readonly string[], hint: readonly string[]): boolean {
  for (let i = 0; i + hint.length <= words.length; i++) if (hint.every((w, j) => words[i + j] === w)) return true;
  return false;
}

/**
 * Actions a role trust policy grants. `sts:SetContext` is included too: trust policies for
 * trusted identity propagation grant it beside sts:AssumeRole.
 */
const TRUST_ACTIONS = ['sts:assumerole*', 'sts:tagsession', 'sts:setsourceidentity', 'sts:setcontext'];

export function detectKind(fileName: string, model: PolicyModel, overrides: readonly KindOverride[] = []): DocumentKind {
  const path = fileName.replace(/\\/g, '/');
  for (const o of overrides) if (globMatch(o.glob, path)) return o.kind;
  const words = fileNameWords(path.slice(path.lastIndexOf('/') + 1));
  for (const [hint, kind] of NAME_HINTS) if (hasWords(words, hint)) return kind;
  return kindFromContent(model);
}

export function kindFromContent(model: PolicyModel): DocumentKind {
  const withPrincipal = model.statements.filter((st) => st.principal || st.notPrincipal);
  if (withPrincipal.length === 0) return 'identity';
  const onlyTrustActions = withPrincipal.every((st) => {
    if (st.notPrincipal || st.notAction || !st.action) return false;
    const values = st.action.values.filter((v) => v.jsonType === 'string');
    return values.length > 0 && values.every((v) => TRUST_ACTIONS.some((t) => wildcardMatch(t, v.text, true)));
  });
  return onlyTrustActions ? 'trust' : 'resource';
}

/**
 * Glob over `/`-separated paths. A glob without `/` is matched against the file name alone,
 * as editors do for `*.trust.json`. `**` matches any number of whole segments.
 */
export function globMatch(glob: string, path: string): boolean {
  const g = glob.replace(/\\/g, '/');
  if (!g.includes('/')) return wildcardMatch(g, path.slice(path.lastIndexOf('/') + 1));
  const globParts = g.split('/').filter((p, i) => p !== '' || i === 0);
  const pathParts = path.split('/');
  // Globs are usually relative to the workspace: let them match any suffix of the path.
  const anchored = globParts[0] === '' ? globParts.slice(1) : ['**', ...globParts];
  return matchSegments(anchored, 0, pathParts.filter((p) => p !== ''), 0, new Map());
}

function matchSegments(glob: string[], gi: number, path: string[], pi: number, memo: Map<number, boolean>): boolean {
  const id = gi * (path.length + 1) + pi;
  const cached = memo.get(id);
  if (cached !== undefined) return cached;
  let result: boolean;
  if (gi === glob.length) result = pi === path.length;
  else if (glob[gi] === '**') result = matchSegments(glob, gi + 1, path, pi, memo) || (pi < path.length && matchSegments(glob, gi, path, pi + 1, memo));
  else result = pi < path.length && wildcardMatch(glob[gi], path[pi]) && matchSegments(glob, gi + 1, path, pi + 1, memo);
  memo.set(id, result);
  return result;
}
