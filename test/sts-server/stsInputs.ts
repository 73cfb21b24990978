/**
 * Reading and checking Query API parameters the way STS does, producing its ValidationError
 * wording (`1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy
 * constraint: …`).
 */

export class StsOperationError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
  }
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function validationError(param: string, value: string | undefined, constraint: string): StsOperationError {
  const shown = value === undefined ? 'null' : `'${value.length > 64 ? `${value.slice(0, 64)}…` : value}'`;
  return new StsOperationError(
    'ValidationError',
    `1 validation error detected: Value ${shown} at '${lowerFirst(param)}' failed to satisfy constraint: ${constraint}`,
  );
}

export interface StringRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
  required?: boolean;
}

export function readString(params: URLSearchParams, name: string, rule: StringRule = {}): string | undefined {
  const value = params.get(name) ?? undefined;
  if (value === undefined) {
    if (rule.required) {
      throw validationError(name, undefined, 'Member must not be null');
    }
    return undefined;
  }
  if (rule.min !== undefined && value.length < rule.min) {
    throw validationError(name, value, `Member must have length greater than or equal to ${rule.min}`);
  }
  if (rule.max !== undefined && value.length > rule.max) {
    throw validationError(name, value, `Member must have length less than or equal to ${rule.max}`);
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    throw validationError(name, value, `Member must satisfy regular expression pattern: ${rule.pattern.source}`);
  }
  return value;
}

export function readRequiredString(params: URLSearchParams, name: string, rule: StringRule = {}): string {
  return readString(params, name, { ...rule, required: true }) as string;
}

export function readInteger(params: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const raw = params.get(name);
  if (raw === null) {
    return undefined;
  }
  const value = Number(raw);
  if (!Number.isInteger(value)) {
    throw validationError(name, raw, 'Member must be an integer');
  }
  if (value < min) {
    throw validationError(name, raw, `Member must have value greater than or equal to ${min}`);
  }
  if (value > max) {
    throw validationError(name, raw, `Member must have value less than or equal to ${max}`);
  }
  return value;
}

/** `Name.member.1`, `Name.member.2`, … (or `Name.member.N.Field` when `field` is given). */
export function readList(params: URLSearchParams, name: string, field?: string): string[] {
  const values: string[] = [];
  for (let index = 1; ; index++) {
    const value = params.get(`${name}.member.${index}${field ? `.${field}` : ''}`);
    if (value === null) {
      return values;
    }
    values.push(value);
  }
}

export interface ParsedTag {
  key: string;
  value: string;
}

export const patterns = {
  name: /^[\w+=,.@-]*$/,
  externalId: /^[\w+=,.@:/-]*$/,
  serial: /^[\w+=/:,.@-]*$/,
  tokenCode: /^[\d]*$/,
  tagKey: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u,
  tagValue: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
};

export function readTags(params: URLSearchParams): ParsedTag[] {
  const keys = readList(params, 'Tags', 'Key');
  const values = readList(params, 'Tags', 'Value');
  if (keys.length > 50) {
    throw validationError('Tags', `[${keys.length} tags]`, 'Member must have length less than or equal to 50');
  }
  return keys.map((key, index) => {
    const value = values[index] ?? '';
    if (key.length < 1 || key.length > 128 || !patterns.tagKey.test(key)) {
      throw validationError('Tags.member.key', key, 'Member must have length less than or equal to 128');
    }
    if (value.length > 256 || !patterns.tagValue.test(value)) {
      throw validationError('Tags.member.value', value, 'Member must have length less than or equal to 256');
    }
    return { key, value };
  });
}

export function readPolicyArns(params: URLSearchParams): string[] {
  const arns = readList(params, 'PolicyArns', 'arn');
  if (arns.length > 10) {
    throw validationError('PolicyArns', `[${arns.length} ARNs]`, 'Member must have length less than or equal to 10');
  }
  for (const arn of arns) {
    if (arn.length < 20 || arn.length > 2048) {
      throw validationError('PolicyArns.member.arn', arn, 'Member must have length greater than or equal to 20');
    }
  }
  return arns;
}

/** Inline session policy: length per the API, then the grammar check STS answers MalformedPolicyDocument for. */
export function readSessionPolicy(params: URLSearchParams): string | undefined {
  const policy = readString(params, 'Policy', { min: 1, max: 2048 });
  if (policy === undefined) {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(policy);
  } catch {
    throw new StsOperationError('MalformedPolicyDocument', 'The policy is not in the valid JSON format.');
  }
  const statement = (parsed as { Statement?: unknown } | null)?.Statement;
  if (typeof parsed !== 'object' || parsed === null || statement === undefined || statement === null) {
    throw new StsOperationError('MalformedPolicyDocument', 'Syntax errors in policy.');
  }
  return policy;
}
