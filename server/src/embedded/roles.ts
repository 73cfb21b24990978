// IAM roles a template or a `.tf` file defines, by name, with their longest session: what Assume
// Role offers as the upper bound of its duration when the role being assumed is one of them.
// A role without MaxSessionDuration allows one hour.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
import type { Node } from 'jsonc-parser';
import { jsonTemplateRoot, mayBeTemplate, yamlTemplateRoot } from './cloudformation';
import { intrinsicName, resolveIntrinsic, templateContext, type TemplateContext } from './cloudformation/intrinsics';
import { attribute, blocksOf, literalText, unwrap } from './terraform/hcl';
import { parseTerraformNow } from './terraform/parser';
import { entries, prop, stringValue } from './tree';

export const DEFAULT_MAX_SESSION_SECONDS = 3600;

export interface DefinedRole {
  /** The role's name, as its ARN ends: `arn:aws:iam::…:role/<path><name>`. */
  name: string;
  /** `VendorRole`, `aws_iam_role.vendor`. */
  locator: string;
  maxSessionDuration: number;
  /** Whether the template sets it, or the one-hour default applies. */
  maxSessionDurationSet: boolean;
  /** Where the role is defined in its file (offset of its resource). */
  offset: number;
}

/** Roles whose name the file writes out (a generated name cannot be matched to an ARN). */
export function definedRoles(text: string, file: string): DefinedRole[] | 'not loaded' {
  const lower = file.toLowerCase();
  if (lower.endsWith('.tf')) return terraformRoles(text);
  if (!mayBeTemplate(text)) return [];
  const yaml = lower.endsWith('.yaml') || lower.endsWith('.yml') || (lower.endsWith('.template') && !/^\s*\{/.test(text));
  const root = yaml ? yamlTemplateRoot(text) : jsonTemplateRoot(text);
  return root ? templateRoles(root) : [];
}

function templateRoles(root: Node): DefinedRole[] {
  const ctx = templateContext(root);
  const out: DefinedRole[] = [];
  for (const { key, keyNode, value } of entries(prop(root, 'Resources'))) {
    if (stringValue(prop(value, 'Type')) !== 'AWS::IAM::Role') continue;
    const properties = prop(value, 'Properties');
    const name = scalarOf(prop(properties, 'RoleName'), ctx);
    if (name === undefined) continue;
    const durationNode = prop(properties, 'MaxSessionDuration');
    const duration = durationNode ? Number(scalarOf(durationNode, ctx)) : DEFAULT_MAX_SESSION_SECONDS;
    // Set, but to a value we cannot read: nothing is known of its bound.
    if (!Number.isInteger(duration)) continue;
    out.push({ name, locator: key, maxSessionDuration: duration, maxSessionDurationSet: !!durationNode, offset: keyNode.offset });
  }
  return out;
}

/** A scalar property's value, resolving a `!Ref` to a parameter's default or a `!Sub` of known parts. */
function scalarOf(node: Node | undefined, ctx: TemplateContext): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string' || node.type === 'number') return String(node.value);
  if (!intrinsicName(node)) return undefined;
  const r = resolveIntrinsic(node, ctx);
  if (r.kind === 'string') return r.known ? r.text : undefined;
  if (r.kind === 'node' && (r.node.type === 'string' || r.node.type === 'number')) return String(r.node.value);
  return undefined;
}

function terraformRoles(text: string): DefinedRole[] | 'not loaded' {
  const tree = parseTerraformNow(text);
  if (tree === 'not loaded') return tree;
  if (!tree) return [];
  try {
    const out: DefinedRole[] = [];
    for (const b of blocksOf(tree.rootNode.namedChildren.find((n) => n?.type === 'body'))) {
      if (b.type !== 'resource' || b.labels[0] !== 'aws_iam_role' || !b.labels[1]) continue;
      const nameAttribute = attribute(b.body, 'name');
      const name = nameAttribute && literalText(nameAttribute.expression);
      if (name === undefined) continue;
      const durationAttribute = attribute(b.body, 'max_session_duration');
      const literal = durationAttribute && unwrap(durationAttribute.expression);
      const duration = !durationAttribute ? DEFAULT_MAX_SESSION_SECONDS : literal?.type === 'numeric_lit' ? Number(literal.text) : NaN;
      if (!Number.isInteger(duration)) continue;
      out.push({ name, locator: `aws_iam_role.${b.labels[1]}`, maxSessionDuration: duration, maxSessionDurationSet: !!durationAttribute, offset: b.node.startIndex });
    }
    return out;
  } finally {
    tree.delete();
  }
}

/** The role name an ARN ends with: `arn:aws:iam::111122223333:role/ops/Deploy` → `Deploy`. */
export function roleNameOfArn(arn: string): string | undefined {
  const m = /^arn:aws[\w-]*:iam::\d{12}:role\/(?:[\x21-\x7e]*\/)?([\w+=,.@-]+)$/.exec(arn.trim());
  return m?.[1];
}
