// CloudFormation and SAM templates, JSON or YAML: their policies, found and converted.
import { parseTree, type Node } from 'jsonc-parser';
import { bracketDepth } from '../../policy/parse';
import type { FoundPolicy } from '../foundPolicy';
import { entries, prop, rangeOfNode, stringValue } from '../tree';
import { TEMPLATE_ACCOUNT, templateContext, type TemplateContext } from './intrinsics';
import { policyLocations, type PolicyLocation } from './locations';
import { policyTree } from './policyTree';
import { parseYamlTree } from './yamlTree';

/**
 * A template declares its format version, a SAM transform, or resources of AWS types.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
 */
export function isTemplate(root: Node | undefined): boolean {
  if (root?.type !== 'object') return false;
  if (prop(root, 'AWSTemplateFormatVersion')) return true;
  const transform = prop(root, 'Transform');
  const transforms = transform?.type === 'array' ? transform.children ?? [] : transform ? [transform] : [];
  if (transforms.some((t) => stringValue(t)?.startsWith('AWS::Serverless'))) return true;
  return entries(prop(root, 'Resources')).some((r) => stringValue(prop(r.value, 'Type'))?.startsWith('AWS::'));
}

/** Cheap test before a parse: the words a template cannot do without. */
export function mayBeTemplate(text: string): boolean {
  return text.includes('Resources') || text.includes('AWSTemplateFormatVersion');
}

export function templatePolicies(root: Node, syntax: 'json' | 'yaml'): FoundPolicy[] {
  return templateEntries(templateContext(root), syntax).map((e) => e.found);
}

/** Each policy with the location it was found at (what the incremental YAML path re-reads). */
export function templateEntries(ctx: TemplateContext, syntax: 'json' | 'yaml'): Array<{ location: PolicyLocation; found: FoundPolicy }> {
  const out: Array<{ location: PolicyLocation; found: FoundPolicy }> = [];
  for (const location of policyLocations(ctx)) {
    const found = foundAt(location, ctx, syntax);
    if (found) out.push({ location, found });
  }
  return out;
}

export function foundAt(location: PolicyLocation, ctx: TemplateContext, syntax: 'json' | 'yaml'): FoundPolicy | undefined {
  {
    const tree = policyTree(location.node, ctx);
    if (!tree || tree.root.type !== 'object') return undefined;
    return {
      kind: location.kind,
      locator: location.locator,
      root: tree.root,
      hostRange: rangeOfNode(location.node),
      anchor: location.node.parent?.type === 'property' ? location.node.parent.offset : location.node.offset,
      syntax,
      edits: syntax,
      unknownRanges: [...tree.unknownRanges, ...(location.unknownRanges ?? [])],
      ownAccounts: [TEMPLATE_ACCOUNT],
      ...(location.impliedResource || location.notApplicable
        ? { notApplicable: [...(location.impliedResource ? ['MISSING_RESOURCE'] : []), ...(location.notApplicable ?? [])] }
        : {}),
      ...(location.maxSessionDuration !== undefined ? { maxSessionDuration: location.maxSessionDuration } : {}),
    };
  }
}

/**
 * Deeper than any template is written; jsonc-parser and the YAML parser recurse per level, so a
 * hostile file nested thousands deep would overflow the stack: it is not read as a template.
 */
export const TEMPLATE_MAX_NESTING = 256;

export function tooDeepForTemplate(text: string): boolean {
  return bracketDepth(text, TEMPLATE_MAX_NESTING).max > TEMPLATE_MAX_NESTING;
}

export function jsonTemplateRoot(text: string): Node | undefined {
  if (tooDeepForTemplate(text)) return undefined;
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  return isTemplate(root) ? root : undefined;
}

export function yamlTemplateRoot(text: string): Node | undefined {
  const { root } = parseYamlTree(text);
  return isTemplate(root) ? root : undefined;
}
