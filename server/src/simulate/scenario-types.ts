// The shapes of a loaded scenario (`*.iamsim.json`) and of its run. Plain data with offset
// ranges; the language server turns them into diagnostics and code lenses.
import type { OffsetRange, PolicyModel } from '../policy/model';
import type { Decision, EvaluationRequest, Explanation } from '../engine/types';
import type { ReadResult } from './read-policy-file';

/** A problem found while loading or running a scenario, located in `file`. */
export interface ScenarioError {
  message: string;
  file: string;
  range: OffsetRange;
}

/**
 * Reads a policy file by absolute path: its text, a refusal saying why it was not read (outside
 * the workspace, not a regular file, too large), or undefined when there is no such file.
 * Synchronous: the language server and the CLI read the files first (see read-policy-file.ts).
 */
export type ReadPolicyFile = (absolutePath: string) => ReadResult;

export interface PolicySource {
  /** The path as written, or e.g. `inline session policy`. */
  label: string;
  /** Absolute path of the file holding the policy: the scenario itself for inline policies. */
  file: string;
  inline: boolean;
  /** Where the path string or inline object sits in the scenario text. */
  referenceRange: OffsetRange;
  /** Absent when the policy could not be read or parsed. */
  model: PolicyModel | undefined;
  errors: ScenarioError[];
}

export interface ScenarioPolicies {
  identity?: PolicySource[];
  /** The resource policy; for a role, its trust policy (`trust` in the file). */
  resource?: PolicySource;
  boundary?: PolicySource;
  session?: PolicySource;
  scp?: PolicySource[][];
  rcp?: PolicySource[][];
}

export interface ScenarioTest {
  name: string;
  /** The whole test object in the scenario text. */
  range: OffsetRange;
  request: EvaluationRequest;
  expected: Decision | undefined;
  expectRange: OffsetRange | undefined;
  policies: ScenarioPolicies;
  now: Date | undefined;
  /** Errors that stop this test from running (its own and those of the policies it uses). */
  errors: ScenarioError[];
}

export interface Scenario {
  filePath: string;
  /** Errors about the file as a whole (malformed JSON, no tests …). */
  errors: ScenarioError[];
  tests: ScenarioTest[];
  /** Absolute paths of every policy file referenced, readable or not. */
  policyFiles: string[];
  managementAccountId: string | undefined;
}

export interface DecidingStatement {
  file: string;
  range: OffsetRange;
  label: string;
  effect: 'Allow' | 'Deny';
}

export interface ScenarioTestResult {
  name: string;
  range: OffsetRange;
  /** Absent when the test could not run. */
  decision: Decision | undefined;
  expected: Decision | undefined;
  pass: boolean;
  explanation: Explanation | undefined;
  decidingStatements: DecidingStatement[];
  errors: ScenarioError[];
}

export interface ScenarioRunResult {
  filePath: string;
  errors: ScenarioError[];
  tests: ScenarioTestResult[];
  passed: number;
  failed: number;
}
