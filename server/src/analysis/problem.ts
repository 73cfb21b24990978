// What an analysis reports: a problem with its code, finding type and offsets in the host text.
import type { OffsetRange } from '../policy/model';

export type ProblemSource = 'syntax' | 'schema' | 'lint';
export type FindingType = 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION';

export interface Problem {
  source: ProblemSource;
  /** Access Analyzer issue code or ours; syntax and schema problems carry their own. */
  code: string;
  type: FindingType;
  message: string;
  range: OffsetRange;
  data?: unknown;
}

/** Larger files are not validated: no IAM policy comes near this, and parsing one would stall the server. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
