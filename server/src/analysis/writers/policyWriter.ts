// Edits to a policy in the syntax it is written in: a quick fix on a policy inside a YAML
// template writes YAML, one inside a Terraform block writes HCL. Offsets, never LSP types.
import type { Node } from 'jsonc-parser';
import type { PolicyModel, Statement } from '../../policy/model';
import type { OffsetEdit } from '../../explain/jsonInsert';
import type { OffsetRange } from '../../policy/model';
import type { HclNameCompletions } from './hclNames';

export type PolicySyntax = 'json' | 'yaml' | 'hcl';

export interface PolicyWriter {
  syntax: PolicySyntax;
  /**
   * Adds `operator: { key: value }` to a statement's condition: merged into an operator already
   * there (case-insensitively, as IAM reads operator names), the condition created when absent.
   * The value is written as `JSON.stringify(value)` (every writer quotes strings that way), so a
   * caller can find it in the edit's text to select it.
   */
  addCondition(text: string, statement: Statement, operator: string, key: string, value: string): OffsetEdit | undefined;
  /** Adds `Version: 2012-10-17` as the policy's first element. */
  addVersion(text: string, model: PolicyModel): OffsetEdit | undefined;
  /** Replaces a scalar value (its node) with a string. */
  replaceString(text: string, node: Node, value: string): OffsetEdit | undefined;
  /** Removes an element of a list. */
  removeListElement(text: string, element: Node): OffsetEdit | undefined;
  /** Names to type at `offset` in a host whose names are not the policy's (a Terraform policy document). */
  nameCompletions?(text: string, offset: number, policyRange: OffsetRange): HclNameCompletions | undefined;
}
