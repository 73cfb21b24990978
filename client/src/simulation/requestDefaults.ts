// What "Simulate Request…" prefills from the policy: a concrete action, resource and principal
// where the policy names one, sensible stand-ins where it only has wildcards. Pure.
import type { SimulationDefaults } from '../../../server/src/protocol';

export interface RequestInputs {
  action: string;
  resource: string;
  principal: string;
}

const EXAMPLE_ACCOUNT = '111122223333';

export function defaultInputs(defaults: SimulationDefaults | null): RequestInputs {
  const actions = defaults?.actions ?? [];
  const resources = defaults?.resources ?? [];
  const principals = defaults?.principals ?? [];
  const action = actions.find((a) => !/[*?]/.test(a)) ?? actions[0] ?? 's3:GetObject';
  const resourcePattern = resources.find((r) => !/[*?]/.test(r)) ?? resources.find((r) => r !== '*') ?? resources[0] ?? '*';
  // A request names one resource: `arn:aws:s3:::bucket/*` becomes `arn:aws:s3:::bucket/example`.
  const resource = resourcePattern === '*' ? '*' : resourcePattern.replace(/\*/g, 'example').replace(/\?/g, 'x');
  const named = principals.find((p) => p !== '*' && !/[*?]/.test(p));
  // A policy that names a whole account lets in its roles and users: one of them asks.
  const namedAccount = named && (/^(\d{12})$/.exec(named)?.[1] ?? /^arn:[^:]+:iam::(\d{12}):root$/.exec(named)?.[1]);
  const account = namedAccount || (/^arn:[^:]+:[^:]*:[^:]*:(\d{12}):/.exec(resource)?.[1] ?? EXAMPLE_ACCOUNT);
  const principal = named && !namedAccount ? named : `arn:aws:iam::${account}:role/Example`;
  return { action, resource, principal };
}
