// What to offer at a position in a policy: element names, values, actions, operators and keys.
// Returns plain candidates with snippet and plain-text forms; the LSP glue picks one.
import { findNodeAtOffset, type Node } from 'jsonc-parser';
import type { IamData } from '../data/iamData';
import { parseOperator } from '../iam/condition-operators';
import { classifyFederated } from '../iam/principals';
import type { DocumentKind, OffsetRange, PolicyModel, Statement } from '../policy/model';
import { actionConditionKeys } from './actionHover';
import { conditionKeyHover, conditionOperatorHover } from './conditionHover';
import { AWS_PRINCIPALS, COMMON_SERVICE_PRINCIPALS, FEDERATED_PRINCIPALS, operatorChoices } from './completionSources';
import { EFFECT_DOCS, ELEMENT_DOCS, POLICY_ELEMENTS, PRINCIPAL_TYPE_DOCS, statementElementsFor, VERSION_DOCS } from './elementDocs';
import { slotForCompletion, type CompletionSlot } from './slots';

export type CandidateKind = 'element' | 'value' | 'service' | 'action' | 'operator' | 'key' | 'principal';

export interface CompletionCandidate {
  label: string;
  kind: CandidateKind;
  detail?: string;
  documentation?: string;
  /** Snippet syntax (`$1`, `${1|a,b|}`), quotes included. */
  snippet: string;
  /** The same without placeholders, for clients without snippet support. */
  plain: string;
  filterText: string;
  sortText?: string;
  /** Ask for completion again after inserting (a service prefix, then its actions). */
  retrigger?: boolean;
}

export interface CompletionResult {
  replace: OffsetRange;
  items: CompletionCandidate[];
}

export interface CompletionInput {
  text: string;
  offset: number;
  /**
   * Where the policy's JSON text starts in `text` and ends, for a policy inside a JSON template:
   * the cursor's JSON path is then read from the policy alone.
   */
  policyRange?: OffsetRange;
  root: Node | undefined;
  model: PolicyModel;
  kind: DocumentKind | undefined;
  data: IamData;
}

/** Statements with this many matched actions or more offer only global condition keys. */
const MAX_ACTIONS_FOR_KEYS = 2000;

export function completionsAt(input: CompletionInput): CompletionResult | undefined {
  const shift = input.policyRange?.start ?? 0;
  const text = input.policyRange ? input.text.slice(input.policyRange.start, input.policyRange.end) : input.text;
  const local = slotForCompletion(text, input.offset - shift);
  if (!local) return undefined;
  const slot = shift === 0 ? local : { ...local, replace: { start: local.replace.start + shift, end: local.replace.end + shift } };
  const items = candidatesFor(slot, input);
  return items.length > 0 ? { replace: slot.replace, items } : undefined;
}

/** Completion at a slot found another way (from a YAML or HCL policy's tree); items are JSON-quoted strings, valid there too. */
export function completionsForSlot(slot: CompletionSlot, input: CompletionInput): CompletionResult | undefined {
  const items = candidatesFor(slot, input);
  return items.length > 0 ? { replace: slot.replace, items } : undefined;
}

function candidatesFor(at: CompletionSlot, input: CompletionInput): CompletionCandidate[] {
  const s = at.slot;
  switch (s.slot) {
    case 'policyKey': {
      if (at.inStatement) return [];
      const present = siblingKeys(input.root, input.offset, at.replace);
      return POLICY_ELEMENTS.filter((e) => !present.has(e)).map((e) => keyCandidate(at, e, 'element', policyValueSnippet(e, input.kind), ELEMENT_DOCS[e]?.summary));
    }
    case 'statementKey': {
      const present = siblingKeys(input.root, input.offset, at.replace);
      return statementElementsFor(input.kind)
        .filter((e) => !present.has(e) && !present.has(pairOf(e)))
        .map((e, i) => keyCandidate(at, e, 'element', statementValueSnippet(e), ELEMENT_DOCS[e]?.summary, String(i).padStart(2, '0')));
    }
    case 'value':
      switch (s.element) {
        case 'Version':
          return Object.entries(VERSION_DOCS).map(([v, doc], i) => valueCandidate(at, v, 'value', { documentation: doc, sortText: String(i) }));
        case 'Effect':
          return Object.entries(EFFECT_DOCS).map(([v, doc]) => valueCandidate(at, v, 'value', { documentation: doc }));
        case 'Action':
        case 'NotAction':
          return actionCandidates(at, input.data);
        default:
          return [];
      }
    case 'principalType':
      return Object.entries(PRINCIPAL_TYPE_DOCS)
        .filter(([t]) => !(input.kind === 'trust' && t === 'CanonicalUser'))
        .map(([t, doc]) => keyCandidate(at, t, 'element', '"$1"', doc));
    case 'principalValue':
      return principalCandidates(at, s.principalType);
    case 'conditionOperator':
      return operatorChoices().map((o) => keyCandidate(at, o.name, 'operator', '{ "$1": "$2" }', conditionOperatorHover(o.name), `${o.rank}${o.name}`));
    case 'conditionKey':
      return conditionKeyCandidates(at, input, s.operator);
    case 'conditionValue': {
      const type = input.data.conditionKey(s.key)?.type;
      const boolLike = parseOperator(s.operator)?.family === 'Null' || type === 'Bool' || type === 'ArrayOfBool';
      return boolLike ? ['true', 'false'].map((v) => valueCandidate(at, v, 'value', {})) : [];
    }
  }
}

function actionCandidates(at: CompletionSlot, data: IamData): CompletionCandidate[] {
  const colon = at.typed.indexOf(':');
  if (colon < 0) {
    return data.serviceKeys().map((prefix) => ({
      ...valueCandidate(at, prefix, 'service', { detail: data.serviceName(prefix) }),
      // The quotes stay open so the user goes on with the action name.
      snippet: `"${escapeSnippet(prefix)}:$1"`,
      plain: `"${prefix}:*"`,
      filterText: quoteFilter(at, `${prefix}:`),
      retrigger: true,
    }));
  }
  const service = data.service(at.typed.slice(0, colon));
  if (!service) return [];
  const all = valueCandidate(at, `${service.prefix}:*`, 'action', { detail: `every ${service.name} action`, sortText: '0' });
  return [
    all,
    ...service.actions.map((a) =>
      valueCandidate(at, `${service.prefix}:${a.name}`, 'action', { detail: a.accessLevel, documentation: a.description, sortText: `1${a.name}` }),
    ),
  ];
}

function principalCandidates(at: CompletionSlot, principalType: string): CompletionCandidate[] {
  switch (principalType) {
    case '*':
      return [valueCandidate(at, '*', 'principal', { detail: 'Everyone (narrow it with a condition)' })];
    case 'Service':
      return COMMON_SERVICE_PRINCIPALS.map((p) => valueCandidate(at, p, 'principal', { detail: 'service principal' }));
    case 'Federated':
      return FEDERATED_PRINCIPALS.map((p) => snippetValueCandidate(at, p.label, p.snippet, p.detail));
    case 'AWS':
      return AWS_PRINCIPALS.map((p) => snippetValueCandidate(at, p.label, p.snippet, p.detail));
    default:
      return [];
  }
}

function conditionKeyCandidates(at: CompletionSlot, input: CompletionInput, operator: string): CompletionCandidate[] {
  const { data } = input;
  const statement = statementAt(input.model, input.offset);
  const specific = new Set<string>();
  if (statement) {
    const actions = (statement.action?.values ?? []).filter((v) => v.jsonType === 'string' && v.text !== '*');
    const matched = actions.flatMap((v) => data.actionsMatching(v.text));
    if (matched.length < MAX_ACTIONS_FOR_KEYS) {
      for (const a of matched) for (const k of actionConditionKeys(a, data)) if (!k.toLowerCase().startsWith('aws:')) specific.add(k);
    }
    for (const k of providerKeys(statement)) specific.add(k);
  }
  const family = parseOperator(operator)?.family;
  const items: CompletionCandidate[] = [];
  const seen = new Set<string>();
  const add = (key: string, group: string) => {
    if (seen.has(key.toLowerCase())) return;
    seen.add(key.toLowerCase());
    const type = data.conditionKey(key)?.type;
    const value = family === 'Null' || type === 'Bool' ? '"${1|true,false|}"' : '"$1"';
    items.push({ ...keyCandidate(at, key, 'key', value, conditionKeyHover(key, data), `${group}${key}`), detail: type });
  };
  for (const k of [...specific].sort()) add(k, '0');
  for (const g of data.globalConditionKeys().map((k) => k.key).sort()) add(g, '1');
  return items;
}

/** Claim keys of the statement's identity providers (`token.actions.githubusercontent.com:sub`, `saml:aud`). */
function providerKeys(st: Statement): string[] {
  const out: string[] = [];
  for (const e of st.principal?.entries ?? []) {
    if (e.kind !== 'Federated' || e.value.jsonType !== 'string') continue;
    const p = classifyFederated(e.value.text);
    if (p.type === 'saml') out.push('SAML:aud', 'SAML:sub', 'SAML:iss');
    else if (p.type === 'oidc' || p.type === 'cognito') out.push(`${p.host}:aud`, `${p.host}:sub`, ...(p.type === 'cognito' ? [`${p.host}:amr`] : []));
  }
  return out;
}

function statementAt(model: PolicyModel, offset: number): Statement | undefined {
  return model.statements.find((st) => st.range.start <= offset && offset <= st.range.end);
}

/** Names of the other properties of the object the cursor is in. */
function siblingKeys(root: Node | undefined, offset: number, typing: OffsetRange): Set<string> {
  const out = new Set<string>();
  if (!root) return out;
  let node: Node | undefined = findNodeAtOffset(root, offset, true);
  while (node && node.type !== 'object') node = node.parent;
  for (const p of node?.children ?? []) {
    const key = p.children?.[0];
    if (!key || key.offset === typing.start) continue;
    out.add(String(key.value));
  }
  return out;
}

function pairOf(element: string): string {
  return element.startsWith('Not') ? element.slice(3) : `Not${element}`;
}

function policyValueSnippet(element: string, kind: DocumentKind | undefined): string {
  switch (element) {
    case 'Version':
      return '"2012-10-17"';
    case 'Statement': {
      const who = kind === 'trust' ? '"Principal": { "$2": "$3" },\n\t\t"Action": "$4"' : kind === 'resource' ? '"Principal": { "$2": "$3" },\n\t\t"Action": "$4",\n\t\t"Resource": "$5"' : '"Action": "$2",\n\t\t"Resource": "$3"';
      return `[\n\t{\n\t\t"Effect": "\${1|Allow,Deny|}",\n\t\t${who}\n\t}\n]`;
    }
    default:
      return '"$1"';
  }
}

function statementValueSnippet(element: string): string {
  switch (element) {
    case 'Effect':
      return '"${1|Allow,Deny|}"';
    case 'Principal':
    case 'NotPrincipal':
      return '{ "$1": "$2" }';
    case 'Condition':
      return '{ "$1": { "$2": "$3" } }';
    default:
      return '"$1"';
  }
}

/** A property name; with its value placeholder unless a `:` already follows. */
function keyCandidate(at: CompletionSlot, name: string, kind: CandidateKind, valueSnippet: string, documentation?: string, sortText?: string): CompletionCandidate {
  const key = JSON.stringify(name);
  const { snippet: snippetKey, placeholders } = snippetName(name);
  return {
    label: name,
    kind,
    documentation,
    snippet: at.hasColon ? snippetKey : `${snippetKey}: ${shiftPlaceholders(valueSnippet, placeholders)}`,
    plain: at.hasColon ? key : `${key}: `,
    filterText: quoteFilter(at, name),
    ...(sortText !== undefined ? { sortText } : {}),
  };
}

function valueCandidate(at: CompletionSlot, value: string, kind: CandidateKind, extra: { detail?: string; documentation?: string; sortText?: string }): CompletionCandidate {
  const quoted = JSON.stringify(value);
  return { label: value, kind, snippet: escapeSnippet(quoted), plain: quoted, filterText: quoteFilter(at, value), ...extra };
}

function snippetValueCandidate(at: CompletionSlot, label: string, snippet: string, detail: string): CompletionCandidate {
  return { label, kind: 'principal', detail, snippet: `"${snippet}"`, plain: JSON.stringify(label), filterText: quoteFilter(at, label) };
}

/** The filter text VS Code compares with what lies between the range start and the cursor. */
function quoteFilter(at: CompletionSlot, label: string): string {
  return at.quoted ? `"${label}` : label;
}

/** A key with template parts (`aws:RequestTag/${TagKey}`, `s3:ExistingObjectTag/<key>`) becomes a snippet with placeholders. */
function snippetName(name: string): { snippet: string; placeholders: number } {
  let n = 0;
  const parts = name.split(/(\$\{[^}]*\}|<[^>]*>)/);
  const body = parts
    .map((part, i) => (i % 2 === 1 ? `\${${++n}:${escapeSnippet(part.replace(/^\$\{|^<|\}$|>$/g, ''))}}` : escapeSnippet(part)))
    .join('');
  return { snippet: `"${body}"`, placeholders: n };
}

/** Renumbers `$1`/`${1…}` tab stops after the key's own placeholders, so they do not mirror each other. */
function shiftPlaceholders(snippet: string, by: number): string {
  if (by === 0) return snippet;
  return snippet.replace(/\$(\{)?(\d+)/g, (_m, brace: string | undefined, n: string) => `$${brace ?? ''}${Number(n) + by}`);
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}
