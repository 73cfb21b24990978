// Quick fixes for linter findings, from the `FixData` a finding carries: text edits in offsets,
// the placeholder to select once they apply, and commands the client runs. No LSP types here.
import type { Node } from 'jsonc-parser';
import { jsonWriter } from '../analysis/writers/jsonWriter';
import type { PolicyWriter } from '../analysis/writers/policyWriter';
import type { FixData } from '../policy/fixData';
import type { OffsetRange, PolicyModel } from '../policy/model';
import type { OffsetEdit } from './jsonInsert';

export interface FixPlan {
  title: string;
  edits: OffsetEdit[];
  /** What to select after the edits apply, as offsets in the edited text. */
  select?: OffsetRange;
  /** Something only the editor can do: add an account to the `iamSts.ownAccounts` setting. */
  clientAction?: { action: 'addOwnAccount'; account: string };
  preferred?: boolean;
}

export interface FixInput {
  text: string;
  model: PolicyModel;
  /** The finding's range, as offsets. */
  range: OffsetRange;
  data: FixData;
  /** Writes the edits in the policy's own syntax; JSON when absent. */
  writer?: PolicyWriter;
}

export function fixesFor(input: FixInput): FixPlan[] {
  const { data } = input;
  switch (data.fix) {
    case 'addExternalId': {
      const out = planCondition(input, data.statementIndex, 'StringEquals', 'sts:ExternalId', { value: 'EXTERNAL_ID' }, `Require an sts:ExternalId for account ${data.account}`);
      for (const also of data.also) out.push(...fixesFor({ ...input, data: also }));
      return out;
    }
    case 'markOwnAccount':
      return [
        {
          title: `Mark account ${data.account} as one of your own (iamSts.ownAccounts)`,
          edits: [],
          clientAction: { action: 'addOwnAccount', account: data.account },
        },
      ];
    case 'addMfa':
      return planCondition(input, data.statementIndex, 'Bool', 'aws:MultiFactorAuthPresent', { value: 'true', noSelect: true }, 'Require MFA (Bool aws:MultiFactorAuthPresent "true")');
    case 'addGithubSub': {
      const value = { value: 'repo:OWNER/REPO:ref:refs/heads/main', select: 'OWNER/REPO' };
      const replaced = replaceConditionValue(input, value, 'Name your repository in the sub condition');
      return replaced ?? planCondition(input, data.statementIndex, 'StringEquals', `${data.providerHost}:sub`, value, `Add a ${data.providerHost}:sub condition naming your repository`);
    }
    case 'addOidcAudience':
      return planCondition(input, data.statementIndex, 'StringEquals', `${data.providerHost}:aud`, { value: data.providerHost === 'cognito-identity.amazonaws.com' ? 'IDENTITY_POOL_ID' : 'sts.amazonaws.com' }, `Add a ${data.providerHost}:aud condition`);
    case 'addSamlAudience':
      return planCondition(input, data.statementIndex, 'StringEquals', 'SAML:aud', { value: 'https://signin.aws.amazon.com/saml' }, 'Add a SAML:aud condition');
    case 'addPrincipalOrgId':
      return planCondition(input, data.statementIndex, 'StringEquals', 'aws:PrincipalOrgID', { value: 'o-xxxxxxxxxx' }, 'Limit to your organization (aws:PrincipalOrgID)');
    case 'addVersion': {
      const edit = (input.writer ?? jsonWriter).addVersion(input.text, input.model);
      return edit ? [{ title: 'Add "Version": "2012-10-17"', edits: [edit], preferred: true }] : [];
    }
    case 'replaceAction': {
      const edit = replaceAt(input, data.suggestion);
      return edit ? [{ title: `Replace with ${data.suggestion}`, edits: [edit], preferred: true }] : [];
    }
    case 'replaceService': {
      const written = stringAt(input);
      if (written === undefined || !written.includes(':')) return [];
      const replacement = data.suggestion + written.slice(written.indexOf(':'));
      const edit = replaceAt(input, replacement);
      return edit ? [{ title: `Replace with ${replacement}`, edits: [edit], preferred: true }] : [];
    }
    case 'removeElement': {
      const node = nodeAt(input.model.node, input.range);
      const edit = node ? (input.writer ?? jsonWriter).removeListElement(input.text, node) : undefined;
      return edit ? [{ title: `Remove ${stringAt(input) ?? 'the duplicate'}`, edits: [edit] }] : [];
    }
    case 'replaceWithNullFalse':
      return [];
  }
}

interface Placeholder {
  value: string;
  /** The part of the value to select; the whole value when absent. */
  select?: string;
  noSelect?: boolean;
}

/**
 * Adds `"operator": { "key": value }` to a statement's Condition, merging into an existing
 * operator object (case-insensitively, as IAM reads operator names) and creating Condition when absent.
 */
function planCondition(input: FixInput, statementIndex: number, operator: string, key: string, placeholder: Placeholder, title: string): FixPlan[] {
  const st = input.model.statements.find((s) => s.index === statementIndex);
  if (!st || st.node.type !== 'object') return [];
  const edit = (input.writer ?? jsonWriter).addCondition(input.text, st, operator, key, placeholder.value);
  if (!edit) return [];
  return [{ title, edits: [edit], select: placeholder.noSelect ? undefined : selectionIn(edit, placeholder), preferred: true }];
}

/** When the finding points at a condition value (an unpinned `sub`), replace that value. */
function replaceConditionValue(input: FixInput, placeholder: Placeholder, title: string): FixPlan[] | undefined {
  const node = nodeAt(input.model.node, input.range);
  if (!node || node.type !== 'string') return undefined;
  const inCondition = input.model.statements.some((st) => st.condition?.entries.some((e) => e.values.some((v) => v.range.start === node.offset)));
  if (!inCondition) return undefined;
  const edit = (input.writer ?? jsonWriter).replaceString(input.text, node, placeholder.value);
  return edit ? [{ title, edits: [edit], select: selectionIn(edit, placeholder), preferred: true }] : [];
}

/** The placeholder's offsets after a single edit applies: text before the edit does not move. */
function selectionIn(edit: OffsetEdit, placeholder: Placeholder): OffsetRange | undefined {
  const quoted = JSON.stringify(placeholder.value);
  const at = edit.newText.lastIndexOf(quoted);
  if (at < 0) return undefined;
  const inner = placeholder.select ? placeholder.value.indexOf(placeholder.select) : 0;
  const length = placeholder.select ? placeholder.select.length : placeholder.value.length;
  const start = edit.start + at + 1 + Math.max(0, inner);
  return { start, end: start + length };
}

/** The node whose range is exactly `range`, searching down from `root`. */
function nodeAt(root: Node, range: OffsetRange): Node | undefined {
  let node: Node | undefined = root;
  while (node) {
    if (node.offset === range.start && node.offset + node.length === range.end && node.type !== 'property') return node;
    node = (node.children ?? []).find((c) => c.offset <= range.start && range.end <= c.offset + c.length);
  }
  return undefined;
}

/** The string the finding sits on, as the policy model read it (in any host syntax). */
function stringAt(input: FixInput): string | undefined {
  const node = nodeAt(input.model.node, input.range);
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/** Replaces the string the finding sits on. */
function replaceAt(input: FixInput, value: string): OffsetEdit | undefined {
  const node = nodeAt(input.model.node, input.range);
  return node ? (input.writer ?? jsonWriter).replaceString(input.text, node, value) : undefined;
}

/** Applies non-overlapping offset edits to a text (for computing the edited text's positions). */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
