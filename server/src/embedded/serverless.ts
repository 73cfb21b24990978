// Serverless Framework `serverless.yml`: the statements of the function role
// (`provider.iam.role.statements`, and the older `provider.iamRoleStatements`) form one identity
// policy. The framework's own variables (`${self:…}`, `${opt:stage}`, `${aws:accountId}`) are
// unknown values, as CloudFormation's intrinsic functions are.
// https://www.serverless.com/framework/docs/providers/aws/guide/iam
import type { Node } from 'jsonc-parser';
import type { OffsetRange } from '../policy/model';
import { templateContext, TEMPLATE_ACCOUNT } from './cloudformation/intrinsics';
import { policyTree } from './cloudformation/policyTree';
import type { FoundPolicy } from './foundPolicy';
import { arrayNode, objectNode, prop, propNode, propertyNode, rangeOfNode, scalarNode } from './tree';

/** `${self:custom.x}`, `${opt:stage}`, `${sls:stage}`, `${env:X}`, `${aws:accountId}`…; not IAM's `${aws:username}`. */
const FRAMEWORK_VARIABLE = /\$\{(self|opt|sls|env|ssm|file\(|cf|s3|param|strToBool|aws:(accountId|region)\b)/;

export function isServerlessFile(uri: string): boolean {
  return /(^|[\\/])serverless\.ya?ml$/i.test(uri.replace(/[?#].*$/, ''));
}

export function serverlessPolicies(root: Node): FoundPolicy[] {
  const provider = prop(root, 'provider');
  const locations: Array<[string, Node | undefined]> = [
    ['provider.iam.role.statements', propNode(prop(prop(provider, 'iam'), 'role'), 'statements')],
    ['provider.iamRoleStatements', propNode(provider, 'iamRoleStatements')],
  ];
  const ctx = templateContext(prop(root, 'resources') ?? root);
  const out: FoundPolicy[] = [];
  for (const [locator, property] of locations) {
    const statements = property?.children?.[1];
    if (statements?.type !== 'array') continue;
    const at = { start: statements.offset, end: statements.offset };
    // The framework writes the document around the statements: Version 2012-10-17.
    const host = objectNode(rangeOfNode(statements), [propertyNode('Version', at, scalarNode('string', '2012-10-17', at)), propertyNode('Statement', rangeOfNode(property!.children![0]), arrayNode(rangeOfNode(statements), [...(statements.children ?? [])]))]);
    const tree = policyTree(host, ctx);
    if (!tree) continue;
    const unknownRanges: OffsetRange[] = [...tree.unknownRanges];
    const visit = (n: Node) => {
      if (n.type === 'string' && typeof n.value === 'string' && FRAMEWORK_VARIABLE.test(n.value)) unknownRanges.push(rangeOfNode(n));
      for (const c of n.children ?? []) visit(c);
    };
    visit(tree.root);
    out.push({ kind: 'identity', locator, root: tree.root, hostRange: rangeOfNode(statements), anchor: property!.offset, syntax: 'yaml', edits: 'yaml', unknownRanges, ownAccounts: [TEMPLATE_ACCOUNT] });
  }
  return out;
}
