// Intrinsic functions are values CloudFormation computes at deploy time. What can be known here
// is resolved (a parameter's default, the partition, a mapping entry, a role's ARN); what cannot
// is an unknown value: `*` in the policy model, and its range is one the analysis reports nothing on.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
import type { Node } from 'jsonc-parser';
import { prop, stringValue } from '../tree';

/** The account a template deploys into: added to the linter's own accounts for its policies. */
export const TEMPLATE_ACCOUNT = '000000000000';

export interface TemplateContext {
  parameters: Node | undefined;
  resources: Node | undefined;
  mappings: Node | undefined;
}

export function templateContext(root: Node): TemplateContext {
  return { parameters: prop(root, 'Parameters'), resources: prop(root, 'Resources'), mappings: prop(root, 'Mappings') };
}

/** `{ Ref: … }` or `{ "Fn::…": … }`: an object of one key naming a function. */
export function intrinsicName(node: Node): string | undefined {
  if (node.type !== 'object' || node.children?.length !== 1) return undefined;
  const key = stringValue(node.children[0].children?.[0]);
  return key === 'Ref' || key?.startsWith('Fn::') ? key : undefined;
}

export type Resolved =
  /** A string, `known` when nothing in it is a guess. */
  | { kind: 'string'; text: string; known: boolean }
  /** A branch of Fn::If (or a mapping's value): read on as written. */
  | { kind: 'node'; node: Node }
  /** `AWS::NoValue`: the element is left out. */
  | { kind: 'none' };

const UNKNOWN: Resolved = { kind: 'string', text: '*', known: false };

export function resolveIntrinsic(node: Node, ctx: TemplateContext, depth = 0): Resolved {
  const name = intrinsicName(node);
  const arg = node.children?.[0]?.children?.[1];
  if (!name || !arg || depth > 20) return UNKNOWN;
  switch (name) {
    case 'Ref':
      return resolveRef(stringValue(arg), ctx);
    case 'Fn::Sub':
      return resolveSub(arg, ctx, depth);
    case 'Fn::GetAtt':
      return resolveGetAtt(arg, ctx);
    case 'Fn::Join':
      return resolveJoin(arg, ctx, depth);
    case 'Fn::If': {
      // Either branch may deploy: the first that is a value is read, the condition is not guessed.
      const items = arg.type === 'array' ? arg.children ?? [] : [];
      for (const branch of items.slice(1)) {
        const r = intrinsicName(branch) ? resolveIntrinsic(branch, ctx, depth + 1) : { kind: 'node' as const, node: branch };
        if (r.kind !== 'none') return r.kind === 'string' ? { ...r, known: false } : r;
      }
      return { kind: 'none' };
    }
    case 'Fn::FindInMap': {
      const keys = (arg.type === 'array' ? arg.children ?? [] : []).map((k) => stringOf(k, ctx, depth));
      if (keys.length !== 3 || keys.some((k) => !k?.known)) return UNKNOWN;
      const value = prop(prop(prop(ctx.mappings, keys[0]!.text), keys[1]!.text), keys[2]!.text);
      return value ? { kind: 'node', node: value } : UNKNOWN;
    }
    case 'Fn::Select': {
      const [index, list] = arg.type === 'array' ? arg.children ?? [] : [];
      const i = index && stringOf(index, ctx, depth);
      if (!i?.known || list?.type !== 'array') return UNKNOWN;
      const item = list.children?.[Number(i.text)];
      return item ? (intrinsicName(item) ? resolveIntrinsic(item, ctx, depth + 1) : { kind: 'node', node: item }) : UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

/** A node as a string, resolving an intrinsic in it. */
function stringOf(node: Node, ctx: TemplateContext, depth: number): { text: string; known: boolean } | undefined {
  if (node.type === 'string' || node.type === 'number' || node.type === 'boolean') return { text: String(node.value), known: true };
  if (!intrinsicName(node)) return undefined;
  const r = resolveIntrinsic(node, ctx, depth + 1);
  if (r.kind === 'string') return r;
  if (r.kind === 'node') return stringOf(r.node, ctx, depth + 1);
  return undefined;
}

/** Pseudo parameters, then the template's parameters (their defaults), then resources (unknown). */
function resolveRef(name: string | undefined, ctx: TemplateContext): Resolved {
  switch (name) {
    case undefined:
      return UNKNOWN;
    case 'AWS::NoValue':
      return { kind: 'none' };
    case 'AWS::AccountId':
      // The template's own account: a same-account principal is not a third party. Not shown
      // to the user: the value stays unknown for what is reported.
      return { kind: 'string', text: TEMPLATE_ACCOUNT, known: false };
    case 'AWS::Partition':
      return { kind: 'string', text: 'aws', known: true };
    case 'AWS::URLSuffix':
      return { kind: 'string', text: 'amazonaws.com', known: true };
  }
  const parameter = prop(ctx.parameters, name);
  if (parameter) {
    const type = stringValue(prop(parameter, 'Type')) ?? 'String';
    const def = prop(parameter, 'Default');
    if (def && !type.startsWith('List') && !type.startsWith('CommaDelimited') && def.type !== 'object' && def.type !== 'array') {
      return { kind: 'string', text: String(def.value), known: true };
    }
  }
  return UNKNOWN;
}

function resolveGetAtt(arg: Node, ctx: TemplateContext): Resolved {
  let resource: string | undefined;
  let attribute: string | undefined;
  if (arg.type === 'array') [resource, attribute] = (arg.children ?? []).map((c) => stringValue(c));
  else {
    const s = stringValue(arg);
    const dot = s?.indexOf('.') ?? -1;
    if (s && dot > 0) [resource, attribute] = [s.slice(0, dot), s.slice(dot + 1)];
  }
  if (!resource || attribute !== 'Arn') return UNKNOWN;
  const r = prop(ctx.resources, resource);
  const type = stringValue(prop(r, 'Type'));
  if (type === 'AWS::IAM::Role') {
    // A role ARN of this account; its name is a guess when CloudFormation generates it.
    const roleName = stringValue(prop(prop(r, 'Properties'), 'RoleName')) ?? resource;
    return { kind: 'string', text: `arn:aws:iam::${TEMPLATE_ACCOUNT}:role/${roleName}`, known: false };
  }
  return UNKNOWN;
}

function resolveSub(arg: Node, ctx: TemplateContext, depth: number): Resolved {
  const [template, vars] = arg.type === 'array' ? arg.children ?? [] : [arg];
  const source = stringValue(template);
  if (source === undefined) return UNKNOWN;
  let known = true;
  // `${!Literal}` is written as `${Literal}`; names with `:` other than AWS:: are policy variables.
  const text = source.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    const own = prop(vars, name);
    let r: { text: string; known: boolean } | undefined;
    if (own) r = stringOf(own, ctx, depth);
    else if (name.includes(':') && !name.startsWith('AWS::')) return whole;
    else if (name.includes('.')) {
      const g = resolveGetAtt({ type: 'string', value: name, offset: 0, length: 0 }, ctx);
      r = g.kind === 'string' ? g : undefined;
    } else {
      const ref = resolveRef(name, ctx);
      r = ref.kind === 'string' ? ref : undefined;
    }
    if (!r || !r.known) known = false;
    return r ? r.text : '*';
  });
  return { kind: 'string', text, known };
}

function resolveJoin(arg: Node, ctx: TemplateContext, depth: number): Resolved {
  const [separator, list] = arg.type === 'array' ? arg.children ?? [] : [];
  const sep = stringValue(separator) ?? '';
  if (list?.type !== 'array') return UNKNOWN;
  let known = true;
  const parts: string[] = [];
  for (const item of list.children ?? []) {
    const s = stringOf(item, ctx, depth);
    if (!s || !s.known) known = false;
    parts.push(s ? s.text : '*');
  }
  return { kind: 'string', text: parts.join(sep), known };
}
