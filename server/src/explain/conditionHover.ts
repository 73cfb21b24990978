// Hover text for condition operators and condition keys.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
import type { IamData } from '../data/iamData';
import { globalKeyDescription } from '../data/globalKeyDocs';
import { isMultivaluedType, parseOperator, type OperatorFamily } from '../iam/condition-operators';

const OPERATORS_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';
const MULTIVALUED_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html';
const GLOBAL_KEYS_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html';

const BASE_DOCS: Readonly<Record<string, string>> = {
  StringEquals: 'the key equals one of the values exactly (case-sensitive)',
  StringNotEquals: 'the key equals none of the values (case-sensitive)',
  StringEqualsIgnoreCase: 'the key equals one of the values, ignoring case',
  StringNotEqualsIgnoreCase: 'the key equals none of the values, ignoring case',
  StringLike: 'the key matches one of the values, where `*` matches any run of characters and `?` one character (case-sensitive)',
  StringNotLike: 'the key matches none of the values (`*` and `?` wildcards, case-sensitive)',
  NumericEquals: 'the key equals one of the numbers',
  NumericNotEquals: 'the key equals none of the numbers',
  NumericLessThan: 'the key is less than the number',
  NumericLessThanEquals: 'the key is less than or equal to the number',
  NumericGreaterThan: 'the key is greater than the number',
  NumericGreaterThanEquals: 'the key is greater than or equal to the number',
  DateEquals: 'the key equals the date (ISO 8601 or epoch seconds)',
  DateNotEquals: 'the key is not the date',
  DateLessThan: 'the key is before the date',
  DateLessThanEquals: 'the key is at or before the date',
  DateGreaterThan: 'the key is after the date',
  DateGreaterThanEquals: 'the key is at or after the date',
  Bool: 'the key is `true` or `false` as given (write it as a string: `"true"`)',
  BinaryEquals: 'the key equals the base64-encoded value byte for byte',
  IpAddress: 'the key (an IP address) is in one of the CIDR ranges',
  NotIpAddress: 'the key (an IP address) is in none of the CIDR ranges',
  ArnEquals: 'the key (an ARN) matches one of the values, part by part; `*` and `?` are allowed in each part',
  ArnLike: 'the key (an ARN) matches one of the values, part by part; `*` and `?` are allowed in each part',
  ArnNotEquals: 'the key (an ARN) matches none of the values',
  ArnNotLike: 'the key (an ARN) matches none of the values',
  Null: '`"true"`: the key is **absent** from the request; `"false"`: the key is present (with any value)',
};

const FAMILY_NAMES: Record<OperatorFamily, string> = {
  String: 'String',
  Numeric: 'Numeric',
  Date: 'Date',
  Bool: 'Boolean',
  Binary: 'Binary',
  IpAddress: 'IP address',
  Arn: 'ARN',
  Null: 'Null check',
};

export function conditionOperatorHover(written: string): string {
  const op = parseOperator(written);
  if (!op) {
    return `**${written}** is not a condition operator. Operators are a base operator (such as \`StringEquals\`), optionally prefixed with \`ForAllValues:\` or \`ForAnyValue:\` and suffixed with \`IfExists\`.\n\n[Condition operators](${OPERATORS_URL})`;
  }
  const lines = [`**${written}** — ${FAMILY_NAMES[op.family]} condition operator`, '', `Matches when ${BASE_DOCS[op.base] ?? op.base}.`];
  if (op.negated) lines.push('', 'Negated: with several values, the key must differ from **all** of them. A request **without** the key matches too.');
  if (op.qualifier === 'ForAllValues') {
    lines.push(
      '',
      '`ForAllValues:` — for multivalued keys: matches when **every** value in the request matches one of the policy values. It also matches when the key is absent or its list is empty, so in an `Allow` pair it with a `Null` check.',
    );
  }
  if (op.qualifier === 'ForAnyValue') {
    lines.push('', `\`ForAnyValue:\` — for multivalued keys: matches when **at least one** value in the request matches one of the policy values.${op.ifExists ? '' : ' An absent key does not match.'}`);
  }
  if (op.ifExists) {
    lines.push('', '`IfExists` — when the key is **absent** from the request, the condition matches (evaluates to true); when present, the operator applies as usual.');
  }
  lines.push('', `[Condition operators](${OPERATORS_URL})${op.qualifier ? ` · [Multivalued keys](${MULTIVALUED_URL})` : ''}`);
  return lines.join('\n');
}

export function conditionKeyHover(key: string, data: IamData): string {
  const info = data.conditionKey(key);
  const isGlobal = key.toLowerCase().startsWith('aws:');
  const description = (isGlobal ? globalKeyDescription(key) : undefined) || info?.description;
  if (!info && !description) {
    return `**${key}** — not a condition key in the Service Authorization Reference.${isGlobal ? `\n\n[Global condition keys](${GLOBAL_KEYS_URL})` : ''}`;
  }
  const lines = [`**${key}**${isGlobal ? ' — global condition key' : ''}`];
  if (description) lines.push('', description);
  if (info) {
    lines.push('', `Type: \`${info.type}\`${isMultivaluedType(info.type) ? ' (multivalued: use `ForAnyValue:` or `ForAllValues:`)' : ''}`);
  }
  const prefix = key.slice(0, key.indexOf(':'));
  const service = isGlobal ? undefined : data.service(info?.service ?? prefix);
  if (isGlobal) lines.push('', `[Global condition keys](${GLOBAL_KEYS_URL})`);
  else if (service) lines.push('', `[${service.name}: actions, resources and condition keys](${service.authorizationReferenceUrl})`);
  return lines.join('\n');
}
