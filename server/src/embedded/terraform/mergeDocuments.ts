// `source_policy_documents` and `override_policy_documents` naming other documents of the module:
// the policy the data source renders, merged as Terraform merges it. Source documents' statements
// come first (a sid repeated among them is an error), then the document's own statements, then
// each override document's: a statement with a non-empty sid replaces the one with the same sid
// already there, any other statement is appended.
// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document
import type { Node } from 'jsonc-parser';
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { OffsetRange } from '../../policy/model';
import { addChild, arrayNode, detach, objectNode, prop, propertyNode, rangeOfNode, stringValue, type MutableNode } from '../tree';
import { attribute, rangeOfSyntax, unwrap, type Block } from './hcl';
import { policyDocumentTree, type DocumentTree } from './policyDocument';

/** Another document named in a merge list; `name` undefined when the expression is not `data.aws_iam_policy_document.<name>.json`. */
export interface DocumentReference {
  name: string | undefined;
  range: OffsetRange;
}

/** A document of the module as the merge reads it: its own statements and the documents it merges. */
export interface ModuleDocument {
  tree: DocumentTree;
  sources: DocumentReference[];
  overrides: DocumentReference[];
}

export function moduleDocument(block: Block): ModuleDocument {
  return { tree: policyDocumentTree(block), sources: references(block, 'source_policy_documents'), overrides: references(block, 'override_policy_documents') };
}

const REFERENCE = /^data\.aws_iam_policy_document\.([A-Za-z_][\w-]*)\.json$/;

function references(block: Block, name: string): DocumentReference[] {
  const a = attribute(block.body, name);
  if (!a) return [];
  const list = unwrap(a.expression);
  // `concat(…)`, `var.documents`: which documents is not known.
  if (list.type !== 'tuple') return [{ name: undefined, range: rangeOfSyntax(list) }];
  return list.namedChildren.filter((n): n is SyntaxNode => n?.type === 'expression').map((item) => ({ name: REFERENCE.exec(item.text.trim())?.[1], range: rangeOfSyntax(item) }));
}

export interface MergedDocument {
  /** The rendered policy: own statements where they are, other documents' statements on the reference that brings them. */
  root: Node;
  /** Where statements of other documents sit: their findings belong to their own document. */
  foreignRanges: OffsetRange[];
  /** References whose documents are not known (another module, an expression): the policy may hold more. */
  unknownReferences: OffsetRange[];
  /** Sids repeated among the source documents, which Terraform refuses: on the reference bringing the second. */
  duplicateSids: Array<{ sid: string; range: OffsetRange }>;
}

type Lookup = (name: string) => ModuleDocument | undefined;

/** Undefined when the document merges no other. */
export function mergedDocument(doc: ModuleDocument, lookup: Lookup): MergedDocument | undefined {
  if (doc.sources.length === 0 && doc.overrides.length === 0) return undefined;
  const out: MergedDocument = { root: doc.tree.root, foreignRanges: [], unknownReferences: [], duplicateSids: [] };
  const statements: Node[] = [];
  const fromReference = (ref: DocumentReference): Node[] | undefined => {
    const found = ref.name === undefined ? undefined : renderedStatements(ref.name, lookup, new Set());
    if (!found || found.unknown) out.unknownReferences.push(ref.range);
    if (!found) return undefined;
    out.foreignRanges.push(ref.range);
    return found.statements.map((s) => relocated(s, ref.range));
  };
  const sourceSids = new Set<string>();
  for (const ref of doc.sources) {
    const found = fromReference(ref);
    for (const s of found ?? []) {
      const sid = sidOf(s);
      if (sid && sourceSids.has(sid)) out.duplicateSids.push({ sid, range: ref.range });
      if (sid) sourceSids.add(sid);
    }
    mergeStatements(statements, found ?? []);
  }
  mergeStatements(statements, ownStatements(doc.tree).map(detach));
  for (const ref of doc.overrides) mergeStatements(statements, fromReference(ref) ?? []);
  const root = objectNode(rangeOfNode(doc.tree.root));
  for (const p of doc.tree.root.children ?? []) {
    const key = p.children?.[0];
    if (key?.value === 'Statement') addChild(root, propertyNode('Statement', rangeOfNode(key), arrayNode(rangeOfNode(p.children![1]), statements)));
    else addChild(root, detach(p));
  }
  out.root = root;
  return out;
}

/** What `data.aws_iam_policy_document.<name>.json` renders; `unknown` when part of it is not known. */
function renderedStatements(name: string, lookup: Lookup, visiting: Set<string>): { statements: Node[]; unknown: boolean } | undefined {
  const doc = lookup(name);
  // A document that renders itself is a cycle Terraform refuses: nothing is known of it.
  if (!doc || visiting.has(name)) return undefined;
  visiting.add(name);
  let unknown = false;
  const statements: Node[] = [];
  const from = (refs: DocumentReference[]) =>
    refs.map((ref) => {
      const found = ref.name === undefined ? undefined : renderedStatements(ref.name, lookup, visiting);
      if (!found || found.unknown) unknown = true;
      return found?.statements ?? [];
    });
  for (const s of from(doc.sources)) mergeStatements(statements, s);
  mergeStatements(statements, ownStatements(doc.tree));
  for (const s of from(doc.overrides)) mergeStatements(statements, s);
  visiting.delete(name);
  return { statements, unknown };
}

function ownStatements(tree: DocumentTree): Node[] {
  return prop(tree.root, 'Statement')?.children ?? [];
}

function sidOf(statement: Node): string | undefined {
  return stringValue(prop(statement, 'Sid')) || undefined;
}

/** Terraform's merge: a statement with a non-empty sid replaces the one with its sid, others are appended. */
function mergeStatements(into: Node[], statements: readonly Node[]): void {
  for (const s of statements) {
    const sid = sidOf(s);
    const at = sid === undefined ? -1 : into.findIndex((t) => sidOf(t) === sid);
    if (at >= 0) into[at] = s;
    else into.push(s);
  }
}

/** A copy of another document's statement whose every offset is the reference that brings it. */
function relocated(node: Node, range: OffsetRange): Node {
  const copy = detach(node) as MutableNode;
  const move = (n: MutableNode) => {
    n.offset = range.start;
    n.length = range.end - range.start;
    if (n.colonOffset !== undefined) n.colonOffset = range.start;
    for (const c of n.children ?? []) move(c as MutableNode);
  };
  move(copy);
  return copy;
}
