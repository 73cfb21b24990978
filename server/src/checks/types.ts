// The results of the offline custom policy checks, shaped as IAM Access Analyzer's
// CheckNoNewAccess / CheckNoPublicAccess / CheckAccessNotGranted responses.
// https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html
import type { IamData } from '../data/iamData';
import type { DocumentKind } from '../policy/model';

export type CheckVerdict = 'PASS' | 'FAIL';

export interface CheckReason {
  description: string;
  statementIndex: number;
  statementId?: string;
}

export interface CheckResult {
  result: CheckVerdict;
  message: string;
  reasons: CheckReason[];
  /** Set when the work bound was reached before every statement was compared (the result is then FAIL). */
  truncated?: boolean;
  /** Per reason, for the editor: the actions the statement newly allows (canonical names). */
  details?: CheckReasonDetail[];
}

export interface CheckReasonDetail {
  statementIndex: number;
  actions: string[];
}

/** The API's policy types and this project's document kinds, read into the kind. */
export type PolicyTypeInput = DocumentKind | 'IDENTITY_POLICY' | 'RESOURCE_POLICY' | 'TRUST_POLICY' | 'SCP' | 'RCP';

export interface CheckOptions {
  data: IamData;
  /** Comparisons of a statement against a statement before the check stops (default 2,000,000). */
  budget?: number;
}

export const DEFAULT_BUDGET = 2_000_000;

const POLICY_TYPES: Record<string, DocumentKind> = {
  identity: 'identity',
  identity_policy: 'identity',
  resource: 'resource',
  resource_policy: 'resource',
  trust: 'trust',
  trust_policy: 'trust',
  session: 'session',
  session_policy: 'session',
  boundary: 'boundary',
  permissions_boundary: 'boundary',
  scp: 'scp',
  service_control_policy: 'scp',
  rcp: 'rcp',
  resource_control_policy: 'rcp',
};

export function readPolicyType(text: string): DocumentKind | undefined {
  return POLICY_TYPES[text.trim().toLowerCase().replace(/-/g, '_')];
}

export const POLICY_TYPE_NAMES = 'IDENTITY_POLICY, RESOURCE_POLICY, TRUST_POLICY, identity, resource, trust, session, boundary, scp, rcp';

/** A bound on the comparisons one check makes, so a huge policy cannot stall the editor or CI. */
export class WorkBudget {
  private left: number;
  exhausted = false;
  constructor(limit: number) {
    this.left = limit;
  }
  spend(n = 1): boolean {
    this.left -= n;
    if (this.left < 0) this.exhausted = true;
    return !this.exhausted;
  }
}
