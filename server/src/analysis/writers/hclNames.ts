// Attribute and block names of a `data "aws_iam_policy_document"`, offered where a name is being
// typed, as HCL the file's indentation writes: `actions = ["…"]`, a `principals { type,
// identifiers }` block. Which names depend on the block the cursor is in (the document, a
// statement, its principals or condition), read from the text: the tree of a half-typed line is
// not to be trusted.
// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document
import type { OffsetRange } from '../../policy/model';
import { layoutOf } from '../../explain/jsonInsert';

export type HclBlockContext = 'document' | 'statement' | 'principals' | 'condition';

export interface HclNameItem {
  label: string;
  /** An attribute or a nested block. */
  form: 'attribute' | 'block';
  detail: string;
  snippet: string;
  plain: string;
}

export interface HclNameCompletions {
  replace: OffsetRange;
  context: HclBlockContext;
  items: HclNameItem[];
}

type Part = { text: string } | { tab: number; choices?: string[]; value?: string };
type Name = { label: string; detail: string; form: 'attribute' | 'block'; parts: (inner: string, eol: string, unit: string) => Part[] };

const t = (text: string): Part => ({ text });
const tab = (n: number, value = ''): Part => ({ tab: n, value });
const choice = (n: number, choices: string[]): Part => ({ tab: n, choices });

const stringAttribute = (label: string, detail: string): Name => ({ label, detail, form: 'attribute', parts: () => [t(`${label} = "`), tab(1), t('"')] });
const listAttribute = (label: string, detail: string): Name => ({ label, detail, form: 'attribute', parts: () => [t(`${label} = ["`), tab(1), t('"]')] });
const principalsBlock = (label: string, detail: string): Name => ({
  label,
  detail,
  form: 'block',
  parts: (inner, eol, unit) => [t(`${label} {${eol}${inner}${unit}type        = "`), choice(1, ['AWS', 'Service', 'Federated', 'CanonicalUser', '*']), t(`"${eol}${inner}${unit}identifiers = ["`), tab(2), t(`"]${eol}${inner}}`)],
});

const NAMES: Record<HclBlockContext, Name[]> = {
  document: [
    {
      label: 'statement',
      detail: 'a policy statement',
      form: 'block',
      parts: (inner, eol, unit) => [t(`statement {${eol}${inner}${unit}effect    = "`), choice(1, ['Allow', 'Deny']), t(`"${eol}${inner}${unit}actions   = ["`), tab(2), t(`"]${eol}${inner}${unit}resources = ["`), tab(3), t(`"]${eol}${inner}}`)],
    },
    stringAttribute('version', 'Version: 2012-10-17 (the default)'),
    stringAttribute('policy_id', 'Id'),
    listAttribute('source_policy_documents', 'documents merged in first; their sids must be unique'),
    listAttribute('override_policy_documents', 'documents whose statements replace ones with the same sid'),
  ],
  statement: [
    stringAttribute('sid', 'Sid'),
    { label: 'effect', detail: 'Effect (Allow by default)', form: 'attribute', parts: () => [t('effect = "'), choice(1, ['Allow', 'Deny']), t('"')] },
    listAttribute('actions', 'Action'),
    listAttribute('not_actions', 'NotAction'),
    listAttribute('resources', 'Resource'),
    listAttribute('not_resources', 'NotResource'),
    principalsBlock('principals', 'Principal'),
    principalsBlock('not_principals', 'NotPrincipal'),
    {
      label: 'condition',
      detail: 'Condition: test (operator), variable (key), values',
      form: 'block',
      parts: (inner, eol, unit) => [t(`condition {${eol}${inner}${unit}test     = "`), tab(1, 'StringEquals'), t(`"${eol}${inner}${unit}variable = "`), tab(2), t(`"${eol}${inner}${unit}values   = ["`), tab(3), t(`"]${eol}${inner}}`)],
    },
  ],
  principals: [
    { label: 'type', detail: 'AWS, Service, Federated, CanonicalUser or *', form: 'attribute', parts: () => [t('type = "'), choice(1, ['AWS', 'Service', 'Federated', 'CanonicalUser', '*']), t('"')] },
    listAttribute('identifiers', 'the principals of that type'),
  ],
  condition: [
    stringAttribute('test', 'the condition operator (StringEquals, ArnLike …)'),
    stringAttribute('variable', 'the condition key (aws:SourceAccount …)'),
    listAttribute('values', 'the values, any of which matches'),
  ],
};

/** Block keyword (or a dynamic block's label) → the names inside it. */
const BLOCKS: Record<string, HclBlockContext> = { statement: 'statement', principals: 'principals', not_principals: 'principals', condition: 'condition' };

function snippetOf(parts: Part[]): string {
  const escape = (s: string) => s.replace(/[\\$}]/g, (c) => `\\${c}`);
  return parts.map((p) => ('text' in p ? escape(p.text) : p.choices ? `\${${p.tab}|${p.choices.join(',')}|}` : `\${${p.tab}${p.value ? `:${escape(p.value)}` : ''}}`)).join('') + '$0';
}

function plainOf(parts: Part[]): string {
  return parts.map((p) => ('text' in p ? p.text : p.choices ? p.choices[0] : p.value ?? '')).join('');
}

/**
 * Names to offer at `offset` inside the document `range` (the data block): only where a line
 * holds nothing but the name being typed.
 */
export function hclNameCompletions(text: string, offset: number, range: OffsetRange): HclNameCompletions | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
  const before = /^([ \t]*)([A-Za-z_]*)$/.exec(text.slice(lineStart, offset));
  if (!before || text.slice(offset, lineEnd).trim() !== '') return undefined;
  const context = blockContextAt(text, range.start, lineStart);
  if (!context) return undefined;
  const { unit, eol } = layoutOf(text);
  const inner = before[1];
  const prefix = before[2].toLowerCase();
  const items = NAMES[context]
    .filter((n) => n.label.startsWith(prefix))
    .map((n) => {
      const parts = n.parts(inner, eol, unit);
      return { label: n.label, form: n.form, detail: n.detail, snippet: snippetOf(parts), plain: plainOf(parts) };
    });
  return items.length > 0 ? { replace: { start: offset - before[2].length, end: offset }, context, items } : undefined;
}

/**
 * The `data "aws_iam_policy_document"` block a Terraform file's `offset` may be in, found in the
 * text: while a name is half typed the parse has no block there.
 */
export function policyDocumentAround(text: string, offset: number): OffsetRange | undefined {
  const head = /^[ \t]*data[ \t]+"aws_iam_policy_document"[ \t]+"[^"\n]*"[ \t]*\{/gm;
  let start: number | undefined;
  for (let m = head.exec(text); m && m.index < offset; m = head.exec(text)) start = m.index;
  return start === undefined ? undefined : { start, end: offset };
}

/** The innermost open block at `offset`, read from the data block's start: strings and comments skipped. */
function blockContextAt(text: string, start: number, offset: number): HclBlockContext | undefined {
  // Each open block: what it holds, and for `dynamic "<label>"` the label its `content` repeats.
  const stack: Array<{ context: HclBlockContext | undefined; dynamic?: string }> = [];
  let lineStart = start;
  for (let i = start; i < offset; i++) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < offset && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i + 1 < offset && text[i + 1] !== '\n') i++;
    } else if (c === '\n') {
      lineStart = i + 1;
    } else if (c === '{') {
      // The block's head on its line: `statement {`, `dynamic "statement" {`, `content {`.
      const head = text.slice(lineStart, i).trim();
      const dynamic = /^dynamic\s+"([\w-]+)"$/.exec(head)?.[1];
      const parent = stack[stack.length - 1];
      if (!parent) stack.push({ context: 'document' });
      else if (dynamic) stack.push({ context: undefined, dynamic });
      else if (head === 'content' && parent.dynamic) stack.push({ context: BLOCKS[parent.dynamic] });
      else stack.push({ context: BLOCKS[head] });
    } else if (c === '}') {
      stack.pop();
      if (stack.length === 0) return undefined;
    }
  }
  return stack[stack.length - 1]?.context;
}
