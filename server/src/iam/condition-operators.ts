// The condition operators IAM knows, what each compares and how an operator name as written
// (`ForAnyValue:StringLikeIfExists`) reads: set qualifier, operator, IfExists. The one table of
// the engine (which adds how each operator compares), the linter and the hovers.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

export interface OperatorFacts {
  name: string;
  family: OperatorFamily;
  /** With several values: the request value must match none of them. */
  negated: boolean;
  /** Takes `*` and `?` wildcards (`StringLike`, `ArnLike`; `ArnEquals` behaves alike but is not named so). */
  like: boolean;
  /** Policy variables are substituted only in string and ARN operators. */
  acceptsVariables: boolean;
  /** `Null` tests whether the key is present; it never compares values. */
  testsPresence: boolean;
}

const TABLE: ReadonlyArray<[name: string, family: OperatorFamily, negated: boolean, like: boolean]> = [
  ['StringEquals', 'String', false, false],
  ['StringNotEquals', 'String', true, false],
  ['StringEqualsIgnoreCase', 'String', false, false],
  ['StringNotEqualsIgnoreCase', 'String', true, false],
  ['StringLike', 'String', false, true],
  ['StringNotLike', 'String', true, true],
  ['NumericEquals', 'Numeric', false, false],
  ['NumericNotEquals', 'Numeric', true, false],
  ['NumericLessThan', 'Numeric', false, false],
  ['NumericLessThanEquals', 'Numeric', false, false],
  ['NumericGreaterThan', 'Numeric', false, false],
  ['NumericGreaterThanEquals', 'Numeric', false, false],
  ['DateEquals', 'Date', false, false],
  ['DateNotEquals', 'Date', true, false],
  ['DateLessThan', 'Date', false, false],
  ['DateLessThanEquals', 'Date', false, false],
  ['DateGreaterThan', 'Date', false, false],
  ['DateGreaterThanEquals', 'Date', false, false],
  ['Bool', 'Bool', false, false],
  ['BinaryEquals', 'Binary', false, false],
  ['IpAddress', 'IpAddress', false, false],
  ['NotIpAddress', 'IpAddress', true, false],
  ['ArnEquals', 'Arn', false, false],
  ['ArnNotEquals', 'Arn', true, false],
  ['ArnLike', 'Arn', false, true],
  ['ArnNotLike', 'Arn', true, true],
  ['Null', 'Null', false, false],
];

export const OPERATOR_FACTS: readonly OperatorFacts[] = TABLE.map(([name, family, negated, like]) => ({
  name,
  family,
  negated,
  like,
  acceptsVariables: family === 'String' || family === 'Arn',
  testsPresence: family === 'Null',
}));

/** The operator names, without qualifier or IfExists. */
export const CONDITION_OPERATORS: readonly string[] = OPERATOR_FACTS.map((f) => f.name);

const byLowerName = new Map(OPERATOR_FACTS.map((f) => [f.name.toLowerCase(), f]));

/** The operator of this exact name (any case), without qualifier or IfExists. */
export function operatorFacts(name: string): OperatorFacts | undefined {
  return byLowerName.get(name.toLowerCase());
}

/** An operator name as written, read into its parts. */
export interface WrittenOperator {
  qualifier: SetQualifier | undefined;
  ifExists: boolean;
  /** Undefined when the name is no operator. */
  facts: OperatorFacts | undefined;
  /** Why the name could not be read, when it could not. */
  problem?: string;
}

export function readOperator(written: string): WrittenOperator {
  let rest = written;
  let qualifier: SetQualifier | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'forallvalues') qualifier = 'ForAllValues';
    else if (prefix === 'foranyvalue') qualifier = 'ForAnyValue';
    else return { qualifier, ifExists: false, facts: undefined, problem: `unknown set qualifier "${rest.slice(0, colon)}"` };
    rest = rest.slice(colon + 1);
  }
  let facts = operatorFacts(rest);
  let ifExists = false;
  if (!facts && rest.toLowerCase().endsWith('ifexists')) {
    facts = operatorFacts(rest.slice(0, -'IfExists'.length));
    ifExists = facts !== undefined;
  }
  return facts ? { qualifier, ifExists, facts } : { qualifier, ifExists, facts, problem: `unknown condition operator "${written}"` };
}

/** The linter's reading of an operator name: its facts plus qualifier and IfExists. */
export interface ParsedOperator {
  /** Base operator without qualifier or `IfExists`, e.g. `StringEquals`. */
  base: string;
  family: OperatorFamily;
  negated: boolean;
  ifExists: boolean;
  like: boolean;
  qualifier?: SetQualifier;
}

/** Parses `ForAnyValue:StringLikeIfExists` and the like; undefined when it is no operator. */
export function parseOperator(text: string): ParsedOperator | undefined {
  const { qualifier, ifExists, facts } = readOperator(text);
  if (!facts) return undefined;
  return { base: facts.name, family: facts.family, negated: facts.negated, like: facts.like, ifExists, qualifier };
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
