// Terraform `.tf` files: policies in `jsonencode({…})`, heredoc JSON and `data
// "aws_iam_policy_document"` blocks, each kind decided by where it is used.
import type { Node as SyntaxNode, Tree } from 'web-tree-sitter';
import type { DocumentKind, OffsetRange } from '../../policy/model';
import type { FoundPolicy } from '../foundPolicy';
import { attribute, attributesOf, blocksOf, heredocContent, heredocInterpolations, jsonencodeArgument, expressionValue, literalText, rangeOfSyntax, unwrap, type Block } from './hcl';
import { heredocJson } from './heredoc';
import { blockRanges } from './blockRanges';
import { loadTerraformParser, parseTerraformNow, parseTerraformRangesNow } from './parser';
import { mergedDocument, moduleDocument, type ModuleDocument } from './mergeDocuments';
import { prop } from '../tree';

/** Resource type → its policy attributes and their kinds. */
const POLICY_ATTRIBUTES: Record<string, Record<string, DocumentKind>> = {
  aws_iam_role: { assume_role_policy: 'trust' },
  aws_iam_policy: { policy: 'identity' },
  aws_iam_role_policy: { policy: 'identity' },
  aws_iam_user_policy: { policy: 'identity' },
  aws_iam_group_policy: { policy: 'identity' },
  aws_s3_bucket_policy: { policy: 'resource' },
  aws_s3_bucket: { policy: 'resource' },
  aws_sqs_queue_policy: { policy: 'resource' },
  aws_sqs_queue: { policy: 'resource' },
  aws_sns_topic_policy: { policy: 'resource' },
  aws_sns_topic: { policy: 'resource' },
  aws_kms_key: { policy: 'resource' },
  aws_kms_key_policy: { policy: 'resource' },
  aws_ecr_repository_policy: { policy: 'resource' },
  aws_secretsmanager_secret_policy: { policy: 'resource' },
  aws_secretsmanager_secret: { policy: 'resource' },
  aws_organizations_policy: { content: 'scp' },
};

/** Repository policies name no resource: the repository is the resource. */
const IMPLIED_RESOURCE = new Set(['aws_ecr_repository_policy']);

/** A module input that takes a trust policy, by its name. */
const MODULE_TRUST_INPUT = /assume_role_policy|trust_polic/;

const DOCUMENT_REFERENCE = /\bdata\.aws_iam_policy_document\.([A-Za-z_][\w-]*)/g;

type Usages = Map<string, { kind: DocumentKind; impliedResource: boolean; maxSessionDuration?: number }>;

/**
 * The policies of a `.tf` file. `siblings` are the other `.tf` files of its folder (one module):
 * a document defined here may be used there, and its use decides its kind.
 */
export async function terraformPolicies(text: string, siblings: readonly string[] = []): Promise<FoundPolicy[]> {
  await loadTerraformParser();
  return terraformPoliciesNow(text, siblings) as FoundPolicy[];
}

/** As terraformPolicies, synchronously, once the parser is loaded (see loadTerraformParser). */
export function terraformPoliciesNow(text: string, siblings: readonly string[] = []): FoundPolicy[] | 'not loaded' {
  const file = fileFacts(text);
  if (file === 'not loaded') return file;
  if (!file) return [];
  const usedAs: Usages = new Map(file.usages);
  const out: FoundPolicy[] = [...file.inline];
  const siblingDocuments = siblings.map((s) => fileFacts(s)).filter((s): s is FileFacts => !!s && s !== 'not loaded');
  for (const sibling of siblingDocuments) {
    for (const [name, usage] of sibling.usages) if (!usedAs.has(name)) usedAs.set(name, usage);
  }
  const own = file.documents;
  const lookup = (name: string) => own.get(name) ?? siblingDocuments.find((s) => s.documents.has(name))?.documents.get(name);
  for (const b of file.documentBlocks) {
    const doc = own.get(b.name)!;
    const merged = mergedDocument(doc, lookup);
    const ownStatements = prop(doc.tree.root, 'Statement')?.children?.length ?? 0;
    // Merging only documents we cannot see: nothing of it is known.
    if (ownStatements === 0 && merged && merged.foreignRanges.length === 0) continue;
    const usage = usedAs.get(b.name);
    out.push({
      // Unused here, with no principal written out: what a document with only computed principals is cannot be told.
      kind: usage?.kind ?? (doc.tree.literalPrincipals ? undefined : 'identity'),
      locator: `data.aws_iam_policy_document.${b.name}`,
      root: doc.tree.root,
      hostRange: b.hostRange,
      anchor: b.anchor,
      syntax: 'hcl',
      edits: 'hcl-document',
      unknownRanges: [...doc.tree.unknownRanges, ...(merged?.unknownReferences ?? [])],
      ownAccounts: [],
      ...(usage?.impliedResource ? { notApplicable: ['MISSING_RESOURCE'] } : {}),
      ...(merged ? { merged } : {}),
      ...(usage?.maxSessionDuration !== undefined ? { maxSessionDuration: usage.maxSessionDuration } : {}),
    });
  }
  return out.sort((a, b) => a.hostRange.start - b.hostRange.start);
}

/**
 * What one `.tf` file says by itself, whether it is the file analysed or a sibling of it: where
 * its documents are used, the policies written inline, and its documents. Read from one parse.
 * Shared, never changed, by every caller: the findings' trees are built anew from it.
 */
interface FileFacts {
  usages: Usages;
  /** Policies written in attributes (`jsonencode`, heredocs), in the order met. */
  inline: FoundPolicy[];
  /** Its documents by name, which a document here or in a sibling may merge. */
  documents: Map<string, ModuleDocument>;
  /** Each `data "aws_iam_policy_document"` block, in order (a name written twice keeps its last document, as before). */
  documentBlocks: Array<{ name: string; hostRange: OffsetRange; anchor: number }>;
}

/**
 * Facts kept by the file's text: every keystroke in one file of a module would otherwise parse
 * all the others again, and a file linted after being a sibling would be parsed twice.
 */
const factsByText = new Map<string, FileFacts | undefined>();
const FACTS_KEPT = 256;

function fileFacts(text: string): FileFacts | undefined | 'not loaded' {
  if (factsByText.has(text)) return factsByText.get(text);
  const tree = policyBlocksTree(text);
  if (tree === 'not loaded') return tree;
  let facts: FileFacts | undefined;
  if (tree === 'no policy blocks') facts = { usages: new Map(), inline: [], documents: new Map(), documentBlocks: [] };
  else if (tree) {
    try {
      const usages: Usages = new Map();
      const inline: FoundPolicy[] = [];
      const blocks: Block[] = [];
      collect(topBlocks(tree.rootNode), text, usages, inline, blocks);
      const documents = new Map(blocks.map((b) => [b.labels[1], moduleDocument(b)]));
      const documentBlocks = blocks.map((b) => ({ name: b.labels[1], hostRange: rangeOfSyntax(b.node), anchor: b.node.startIndex }));
      facts = { usages, inline, documents, documentBlocks };
    } finally {
      tree.delete();
    }
  }
  if (factsByText.size >= FACTS_KEPT) factsByText.delete(factsByText.keys().next().value!);
  factsByText.set(text, facts);
  return facts;
}

/**
 * What `collect` reads: policy documents, resources with policy attributes, and modules whose
 * text names a trust-policy input somewhere (a module input's name holds it, or nothing is read).
 */
function mayMatter(text: string, type: string, labels: readonly string[], range: OffsetRange): boolean {
  if (type === 'module') return MODULE_TRUST_INPUT.test(text.slice(range.start, range.end));
  return (type === 'data' && labels[0] === 'aws_iam_policy_document') || (type === 'resource' && Object.hasOwn(POLICY_ATTRIBUTES, labels[0] ?? ''));
}

/**
 * The file's tree with only the top-level blocks `collect` reads (the others are skipped by the
 * parser, see blockRanges.ts), or the whole file's when the scan gives up or the partial tree is
 * not exactly those blocks without an error: a scan that went wrong costs a second parse. (A
 * syntax error inside a skipped block no longer reaches the blocks around it through the
 * parser's error recovery: they are read as written.)
 */
function policyBlocksTree(text: string): Tree | undefined | 'not loaded' | 'no policy blocks' {
  const ranges = blockRanges(text, (type, labels, range) => mayMatter(text, type, labels, range));
  if (ranges?.length === 0) return 'no policy blocks';
  if (ranges) {
    const partial = parseTerraformRangesNow(text, ranges);
    if (partial === 'not loaded') return partial;
    if (partial) {
      const blocks = partial.rootNode.hasError ? [] : topBlocks(partial.rootNode);
      if (blocks.length === ranges.length && blocks.every((b, i) => b.node.startIndex === ranges[i].start && b.node.endIndex === ranges[i].end)) return partial;
      partial.delete();
    }
  }
  return parseTerraformNow(text);
}

function topBlocks(root: SyntaxNode): Block[] {
  return blocksOf(root.namedChildren.find((n) => n?.type === 'body') ?? undefined);
}

/** Notes where documents are used, the policies written inline, and the documents. */
function collect(blocks: Block[], text: string, usedAs: Usages, out: FoundPolicy[], documents: Block[]): void {
  for (const b of blocks) {
    if (b.type === 'module') {
      // A module's input says what it is by its name only: `assume_role_policy`, `trust_policy`.
      for (const a of attributesOf(b.body)) if (MODULE_TRUST_INPUT.test(a.name)) noteUsage(usedAs, a.expression, 'trust', false);
      continue;
    }
    if (b.type === 'data' && b.labels[0] === 'aws_iam_policy_document' && b.labels[1]) documents.push(b);
    if (b.type !== 'resource' || b.labels.length < 2) continue;
    const [type, name] = b.labels;
    for (const [attr, kind] of Object.entries(POLICY_ATTRIBUTES[type] ?? {})) {
      const a = attribute(b.body, attr);
      if (!a) continue;
      const k = type === 'aws_organizations_policy' ? organizationsKind(b) : kind;
      if (!k) continue;
      const implied = IMPLIED_RESOURCE.has(type);
      const maxSession = type === 'aws_iam_role' ? maxSessionDuration(b) : undefined;
      noteUsage(usedAs, a.expression, k, implied, maxSession);
      const found = inlinePolicy(a.expression, text, k, `${type}.${name}.${attr}`, implied);
      if (found) out.push(maxSession === undefined ? found : { ...found, maxSessionDuration: maxSession });
    }
    if (type === 'aws_iam_role') {
      blocksOf(b.body)
        .filter((c) => c.type === 'inline_policy')
        .forEach((c, i) => {
          const a = attribute(c.body, 'policy');
          if (!a) return;
          noteUsage(usedAs, a.expression, 'identity', false);
          const found = inlinePolicy(a.expression, text, 'identity', `${type}.${name}.inline_policy[${i}].policy`, false);
          if (found) out.push(found);
        });
    }
  }
}

/** The attribute an expression is the value of. */
function anchorOf(expression: SyntaxNode): number {
  return expression.parent?.type === 'attribute' ? expression.parent.startIndex : expression.startIndex;
}

/** `type` SERVICE_CONTROL_POLICY (the default) or RESOURCE_CONTROL_POLICY; other types hold no IAM policy. */
function organizationsKind(b: Block): DocumentKind | undefined {
  const t = attribute(b.body, 'type');
  const type = t ? literalText(t.expression) : 'SERVICE_CONTROL_POLICY';
  return type === 'SERVICE_CONTROL_POLICY' ? 'scp' : type === 'RESOURCE_CONTROL_POLICY' ? 'rcp' : undefined;
}

/** `assume_role_policy = data.aws_iam_policy_document.x.json` makes document x a trust policy. */
function noteUsage(usedAs: Usages, expression: SyntaxNode, kind: DocumentKind, impliedResource: boolean, maxSessionDuration?: number): void {
  for (const m of expression.text.matchAll(DOCUMENT_REFERENCE)) if (!usedAs.has(m[1])) usedAs.set(m[1], { kind, impliedResource, ...(maxSessionDuration !== undefined ? { maxSessionDuration } : {}) });
}

/** An `aws_iam_role`'s `max_session_duration`, when written as a number. */
function maxSessionDuration(role: Block): number | undefined {
  const a = attribute(role.body, 'max_session_duration');
  const literal = a && unwrap(a.expression);
  return literal?.type === 'numeric_lit' && Number.isInteger(Number(literal.text)) ? Number(literal.text) : undefined;
}

/** A policy written in the attribute: `jsonencode({…})` or a heredoc of JSON. */
function inlinePolicy(expression: SyntaxNode, text: string, kind: DocumentKind, locator: string, impliedResource: boolean): FoundPolicy | undefined {
  const extra = impliedResource ? { notApplicable: ['MISSING_RESOURCE'] } : {};
  const argument = jsonencodeArgument(expression);
  if (argument) {
    const unknownRanges: OffsetRange[] = [];
    const root = expressionValue(argument, unknownRanges);
    if (root.type !== 'object' || !prop(root, 'Statement')) return undefined;
    return { kind, locator, root, hostRange: rangeOfSyntax(unwrap(argument)), anchor: anchorOf(expression), syntax: 'hcl', edits: 'hcl-object', unknownRanges, ownAccounts: [], ...extra };
  }
  const content = heredocContent(expression, text);
  if (content) {
    const { root, unknownRanges } = heredocJson(text, content, heredocInterpolations(expression));
    if (root?.type !== 'object' || !prop(root, 'Statement')) return undefined;
    return { kind, locator, root, hostRange: { start: root.offset, end: root.offset + root.length }, anchor: anchorOf(expression), syntax: 'json', edits: 'json', unknownRanges, ownAccounts: [], ...extra };
  }
  return undefined;
}

