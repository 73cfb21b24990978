// Condition operator names → what they compare and how.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

export interface ParsedOperator {
  /** Base operator without qualifier or `IfExists`, e.g. `StringEquals`. */
  base: string;
  family: OperatorFamily;
  negated: boolean;
  ifExists: boolean;
  like: boolean;
  qualifier?: 'ForAllValues' | 'ForAnyValue';
}

const BASE_OPERATORS: Record<string, { family: OperatorFamily; negated: boolean; like: boolean }> = {
  StringEquals: { family: 'String', negated: false, like: false },
  StringNotEquals: { family: 'String', negated: true, like: false },
  StringEqualsIgnoreCase: { family: 'String', negated: false, like: false },
  StringNotEqualsIgnoreCase: { family: 'String', negated: true, like: false },
  StringLike: { family: 'String', negated: false, like: true },
  StringNotLike: { family: 'String', negated: true, like: true },
  NumericEquals: { family: 'Numeric', negated: false, like: false },
  NumericNotEquals: { family: 'Numeric', negated: true, like: false },
  NumericLessThan: { family: 'Numeric', negated: false, like: false },
  NumericLessThanEquals: { family: 'Numeric', negated: false, like: false },
  NumericGreaterThan: { family: 'Numeric', negated: false, like: false },
  NumericGreaterThanEquals: { family: 'Numeric', negated: false, like: false },
  DateEquals: { family: 'Date', negated: false, like: false },
  DateNotEquals: { family: 'Date', negated: true, like: false },
  DateLessThan: { family: 'Date', negated: false, like: false },
  DateLessThanEquals: { family: 'Date', negated: false, like: false },
  DateGreaterThan: { family: 'Date', negated: false, like: false },
  DateGreaterThanEquals: { family: 'Date', negated: false, like: false },
  Bool: { family: 'Bool', negated: false, like: false },
  BinaryEquals: { family: 'Binary', negated: false, like: false },
  IpAddress: { family: 'IpAddress', negated: false, like: false },
  NotIpAddress: { family: 'IpAddress', negated: true, like: false },
  ArnEquals: { family: 'Arn', negated: false, like: false },
  ArnNotEquals: { family: 'Arn', negated: true, like: false },
  ArnLike: { family: 'Arn', negated: false, like: true },
  ArnNotLike: { family: 'Arn', negated: true, like: true },
  Null: { family: 'Null', negated: false, like: false },
};

const BASE_BY_LOWER = new Map(Object.keys(BASE_OPERATORS).map((k) => [k.toLowerCase(), k]));

export const CONDITION_OPERATORS: readonly string[] = Object.keys(BASE_OPERATORS);

/** Parses `ForAnyValue:StringLikeIfExists` and the like; undefined when it is no operator. */
export function parseOperator(text: string): ParsedOperator | undefined {
  let rest = text;
  let qualifier: ParsedOperator['qualifier'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const q = rest.slice(0, colon).toLowerCase();
    if (q === 'forallvalues') qualifier = 'ForAllValues';
    else if (q === 'foranyvalue') qualifier = 'ForAnyValue';
    else return undefined;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, -'ifexists'.length);
  }
  const base = BASE_BY_LOWER.get(rest.toLowerCase());
  if (!base) return undefined;
  return { base, ...BASE_OPERATORS[base], ifExists, qualifier };
}

/** Key types from the Service Authorization Reference → the operator family that compares them. */
export function familyForKeyType(type: string): OperatorFamily | undefined {
  const element = type.startsWith('ArrayOf') ? type.slice('ArrayOf'.length) : type;
  switch (element) {
    case 'String':
      return 'String';
    case 'ARN':
      return 'Arn';
    case 'Numeric':
    case 'Long':
    case 'Integer':
      return 'Numeric';
    case 'Date':
      return 'Date';
    case 'Bool':
    case 'Boolean':
      return 'Bool';
    case 'IPAddress':
      return 'IpAddress';
    case 'Binary':
      return 'Binary';
    default:
      return undefined;
  }
}

export function isMultivaluedType(type: string): boolean {
  return type.startsWith('ArrayOf');
}
