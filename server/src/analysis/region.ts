// One policy of a document: a policy file is one region; a template or a `.tf` file holds many.
import type { Node } from 'jsonc-parser';
import type { DocumentKind, OffsetRange, PolicyModel } from '../policy/model';
import type { ParsedPolicyText } from '../policy/parse';
import type { Problem } from './problem';
import type { PolicySyntax, PolicyWriter } from './writers/policyWriter';

export interface PolicyRegion {
  kind: DocumentKind;
  model: PolicyModel;
  /** Every problem of this policy, in offsets of the host text. */
  problems: Problem[];
  /** Where the policy is written in the host text. */
  hostRange: OffsetRange;
  /**
   * The policy's name for people: `VendorRole.AssumeRolePolicyDocument`,
   * `data.aws_iam_policy_document.read`; undefined for a policy file.
   */
  locator: string | undefined;
  /** Where the host names the policy (its key, attribute or block). */
  anchor: number;
  syntax: PolicySyntax;
  /** The policy as a jsonc-shaped tree (root: the policy object), for hover and completion. */
  root: Node;
  writer: PolicyWriter;
  /** Values the host computes (intrinsic functions, interpolations): nothing is reported on them. */
  unknownRanges: OffsetRange[];
  /** For a role's trust policy in a template: the role's longest session, in seconds. */
  maxSessionDuration?: number;
  /** For a policy file: its parse (completion reads the text itself). */
  parsed?: ParsedPolicyText;
}

export type HostFormat = 'policy' | 'cloudformation' | 'terraform';

export interface DocumentAnalysis {
  host: HostFormat;
  regions: PolicyRegion[];
  /** Syntax errors of a JSON file that is no policy (the CLI reports them; the editor does not). */
  syntaxProblems: Problem[];
  /** Set when the file was too large to analyse. */
  skippedTooLarge?: boolean;
}

/** The region under `offset`: the innermost whose host range holds it. */
export function regionAt(analysis: DocumentAnalysis, offset: number): PolicyRegion | undefined {
  let best: PolicyRegion | undefined;
  for (const r of analysis.regions) {
    if (r.hostRange.start <= offset && offset <= r.hostRange.end) {
      if (!best || r.hostRange.end - r.hostRange.start < best.hostRange.end - best.hostRange.start) best = r;
    }
  }
  return best;
}

/** Every problem of every region, in host order. */
export function allProblems(analysis: DocumentAnalysis): Problem[] {
  return analysis.regions.length === 1 ? analysis.regions[0].problems : analysis.regions.flatMap((r) => r.problems);
}
