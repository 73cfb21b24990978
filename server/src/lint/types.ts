// The linter's vocabulary: findings, rules and what a rule is given. No LSP types here: the
// language server, the CLI and tests all read the same findings.
import type { IamData } from '../data/iamData';
import type { FixData } from '../policy/fixData';
import type { DocumentKind, OffsetRange, PolicyModel } from '../policy/model';

export type { FixData };

/** Access Analyzer's finding types, used as they are. */
export type FindingType = 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION';

export interface Finding {
  /** Access Analyzer issue code where it has the check, ours otherwise (see `findingDocUrl`). */
  code: string;
  type: FindingType;
  message: string;
  /** The exact element at fault, as host-text offsets. */
  range: OffsetRange;
  data?: FixData;
}

export interface LintOptions {
  /** Account IDs the user owns; when empty, no account is known to be own. */
  ownAccounts?: string[];
  /** The policy's own text (not the host file's), for the size quotas. */
  text: string;
  data: IamData;
}

export interface LintContext {
  model: PolicyModel;
  kind: DocumentKind;
  text: string;
  data: IamData;
  ownAccounts: ReadonlySet<string>;
}

export type Report = (range: OffsetRange, message: string, data?: FixData) => void;

/** One check. `kinds` limits it to some document kinds; without it the rule runs for all. */
export interface LintRule {
  code: string;
  type: FindingType;
  kinds?: readonly DocumentKind[];
  check(ctx: LintContext, report: Report): void;
}
