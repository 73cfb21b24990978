// Resource and NotResource values read as ARNs, for the ARN checks.
import { hasWildcard } from '../../iam/wildcard';
import type { IamData } from '../../data/iamData';
import type { PolicyModel, ScalarValue } from '../../policy/model';
import { memoize } from './memo';
import { parseArn, type ArnParts } from '../../iam/arn';

export interface ResourceArn {
  value: ScalarValue;
  /** Undefined when the value does not split into six parts. */
  arn?: ArnParts;
}

export const resourceValues = memoize(computeResourceValues);

function computeResourceValues(model: PolicyModel): ScalarValue[] {
  const out: ScalarValue[] = [];
  for (const st of model.statements) {
    for (const list of [st.resource, st.notResource]) for (const v of list?.values ?? []) if (v.jsonType === 'string') out.push(v);
  }
  return out;
}

/** Values that claim to be ARNs (start with `arn:`), split. */
export const resourceArns = memoize((model: PolicyModel): ResourceArn[] =>
  resourceValues(model)
    .filter((v) => v.text.startsWith('arn:'))
    .map((value) => ({ value, arn: parseArn(value.text) })),
);

/** A part that holds a wildcard or a variable cannot be checked literally. */
export function isOpenPart(part: string): boolean {
  return hasWildcard(part) || part.includes('${');
}

export interface ServiceArnShape {
  /** Some resource type of the service puts a Region in its ARN. */
  anyRegion: boolean;
  /** Every resource type of the service puts a Region in its ARN. */
  allRegion: boolean;
  anyAccount: boolean;
}

const shapes = new WeakMap<IamData, Map<string, ServiceArnShape | undefined>>();

/** How a service's resource ARNs use the Region and account parts, per the reference (worked out once per service). */
export function serviceArnShape(data: IamData, service: string): ServiceArnShape | undefined {
  let byService = shapes.get(data);
  if (!byService) shapes.set(data, (byService = new Map()));
  const key = service.toLowerCase();
  if (!byService.has(key)) byService.set(key, computeServiceArnShape(data, service));
  return byService.get(key);
}

function computeServiceArnShape(data: IamData, service: string): ServiceArnShape | undefined {
  const types = data.resourceTypes(service).map((t) => parseArn(t.arn)).filter((a): a is ArnParts => a !== undefined);
  const own = types.filter((a) => a.service.toLowerCase() === service.toLowerCase());
  if (own.length === 0) return undefined;
  return {
    anyRegion: own.some((a) => a.region !== ''),
    allRegion: own.every((a) => a.region !== ''),
    anyAccount: own.some((a) => a.account !== ''),
  };
}
