// What a finder of embedded policies hands the analysis: a policy tree in host offsets.
import type { Node } from 'jsonc-parser';
import type { PolicySyntax } from '../analysis/writers/policyWriter';
import type { DocumentKind, OffsetRange } from '../policy/model';
import type { MergedDocument } from './terraform/mergeDocuments';

export interface FoundPolicy {
  /** Undefined when where it is used does not say: the policy's content decides, as for a policy file. */
  kind: DocumentKind | undefined;
  locator: string;
  /** jsonc-shaped, root: the policy object (no parent); offsets in the host text. */
  root: Node;
  hostRange: OffsetRange;
  /** Where the host names the policy (its key, attribute or block): a code lens goes on that line. */
  anchor: number;
  syntax: PolicySyntax;
  /** How edits are written: JSON, YAML, an HCL object (`jsonencode`) or HCL blocks (a policy document). */
  edits: 'json' | 'yaml' | 'hcl-object' | 'hcl-document';
  /** Values the host computes: nothing is reported on them. */
  unknownRanges: OffsetRange[];
  /** Accounts that are the host's own (a template's `AWS::AccountId`). */
  ownAccounts: string[];
  /** For a role's trust policy: the role's longest session, in seconds (`MaxSessionDuration`). */
  maxSessionDuration?: number;
  /** Codes that do not apply where the policy is used (MISSING_RESOURCE where the service names the resource). */
  notApplicable?: string[];
  /** A Terraform document merging others: the policy Terraform renders, which the engine and the linter see. */
  merged?: MergedDocument;
}
