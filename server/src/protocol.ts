// Custom messages between the VS Code client and the server, declared once for both sides.
import { NotificationType, RequestType, type Range } from 'vscode-languageserver-protocol';
import type { Decision } from './engine/types';
import type { DocumentKind } from './policy/model';

export interface DocumentInfoParams {
  uri: string;
}

export interface DocumentInfo {
  /** Undefined when the document is not an IAM policy. */
  kind: DocumentKind | undefined;
  /** How the kind was chosen. */
  kindSource?: 'choice' | 'detected';
  problemCount: number;
}

export const documentInfoRequest = new RequestType<DocumentInfoParams, DocumentInfo, void>('iamSts/documentInfo');

/** Options the VS Code client passes at start-up. */
export interface InitializationOptions {
  /** VS Code's own JSON support already reports syntax errors; don't report them twice. */
  hostReportsJsonSyntax?: boolean;
}

export interface KindChoiceParams {
  uri: string;
  /** The kind the user chose for this file, or null to go back to detection. */
  kind: DocumentKind | null;
}

/** The user picked a kind for one file (status bar); the client remembers it per workspace. */
export const kindChoiceNotification = new NotificationType<KindChoiceParams>('iamSts/kindChoice');

// ---- Simulation (scenario files `*.iamsim.json`, "Simulate Request…") ----

/** A place in a file: a deciding statement, a test, the policy that lacked an Allow. */
export interface SimulationLocation {
  uri: string;
  range: Range;
  /** E.g. `./dev-role.json statement "ReadAppData"`. */
  label: string;
  effect?: 'Allow' | 'Deny';
}

/** An explanation made readable: what the Test Explorer and the simulation view show. */
export interface SimulationExplanationText {
  /** One line for people. */
  summary: string;
  /** Plain-text lines: the request, the policies and statements that matched, the notes. */
  details: string[];
  decidedBy: SimulationLocation[];
  /** For an implicit deny: the policy that lacked the Allow. */
  missingAllow?: SimulationLocation;
}

export interface SimulationTestResult {
  /** Stable within one scenario file: index and name. */
  id: string;
  name: string;
  range: Range;
  decision: Decision | undefined;
  expected: Decision | undefined;
  pass: boolean;
  /** Why the test could not run (bad expect, missing file …); empty when it ran. */
  errors: string[];
  explanation: SimulationExplanationText | undefined;
}

export interface SimulationResults {
  /** The scenario file. */
  uri: string;
  /** The scenario file is gone (deleted, or left the workspace): drop its tests. */
  removed?: boolean;
  /** Errors about the file as a whole. */
  errors: Array<{ message: string; range: Range }>;
  tests: SimulationTestResult[];
}

/** Server → client after every run of a scenario (on save, on edit, at start). */
export const simulationResultsNotification = new NotificationType<SimulationResults>('iamSts/simulationResults');

export interface RunSimulationsParams {
  /** Scenario files to run; every scenario of the workspace when absent. */
  uris?: string[];
}

/** Client → server: re-run scenarios now (the Test Explorer's run profile). */
export const runSimulationsRequest = new RequestType<RunSimulationsParams, SimulationResults[], void>('iamSts/runSimulations');

export interface SimulationDefaultsParams {
  uri: string;
}

export interface SimulationDefaults {
  kind: DocumentKind;
  /** Actions, resources and principals the policy names, in order, for prefilling the inputs. */
  actions: string[];
  resources: string[];
  principals: string[];
}

/** Client → server: what to prefill "Simulate Request…" with; null when the document is no policy. */
export const simulationDefaultsRequest = new RequestType<SimulationDefaultsParams, SimulationDefaults | null, void>('iamSts/simulationDefaults');

export interface SimulateRequestParams {
  /** The policy to evaluate the request against (an open document). */
  uri: string;
  action: string;
  resource: string;
  principal: string;
  context: Record<string, string | string[]>;
}

export interface SimulateRequestResult {
  decision: Decision;
  /** How the policy was used: `identity policy`, `resource policy` … */
  role: string;
  /** Assumptions made to evaluate a guard-rail policy alone (an SCP needs an identity Allow …). */
  assumptions: string[];
  explanation: SimulationExplanationText;
}

/** Client → server: evaluate one request against the given policy; null when it is no policy. */
export const simulateRequestRequest = new RequestType<SimulateRequestParams, SimulateRequestResult | null, void>('iamSts/simulateRequest');

// ---- Editing help (quick fixes) ----

/**
 * Commands the client registers for the server's quick fixes. `selectRange(uri, range)` selects
 * the placeholder a fix wrote, once its edit has applied (vscode-languageclient 9 has no
 * SnippetTextEdit); `addOwnAccount(account)` adds a 12-digit account ID to iamSts.ownAccounts.
 */
export const clientCommands = {
  selectRange: 'iamSts.selectRange',
  addOwnAccount: 'iamSts.addOwnAccount',
  /** A policy's code lens: lists that policy's findings (`PolicyFindingsArgs`) to pick one and go to it. */
  showPolicyFindings: 'iamSts.showPolicyFindings',
} as const;

/** One finding as its diagnostic shows it: severity 1 error … 4 hint (LSP's numbers). */
export interface PolicyFinding {
  severity: 1 | 2 | 3 | 4;
  code: string;
  message: string;
  range: Range;
}

export interface PolicyFindingsArgs {
  uri: string;
  /** `VendorRole.AssumeRolePolicyDocument`, `data.aws_iam_policy_document.read`. */
  locator: string;
  /** `IAM trust policy`. */
  kind: string;
  findings: PolicyFinding[];
}

// ---- Custom policy checks: no new access vs HEAD ----

export interface CompareWithHeadParams {
  /** An open policy document. */
  uri: string;
  /** The file's text at HEAD; null when it is not in git (untracked, new): clears the diagnostics. */
  headText: string | null;
}

export interface CompareWithHeadResult {
  result: 'PASS' | 'FAIL' | 'NOT_A_POLICY';
  message: string;
  /** Statements (indices) that grant new access, each with the actions it newly allows. */
  statements: Array<{ statementIndex: number; actions: string[] }>;
}

/** Client → server: compare the open document with its committed version; publishes NEW_ACCESS diagnostics. */
export const compareWithHeadRequest = new RequestType<CompareWithHeadParams, CompareWithHeadResult, void>('iamSts/compareWithHead');

// ---- Roles the workspace defines (Assume Role's duration bound) ----

export interface KnownRolesParams {
  /** The role being assumed: roles of the workspace's templates and `.tf` files with its name are returned. */
  roleArn: string;
}

export interface KnownRole {
  name: string;
  /** `VendorRole in infra/template.yaml`. */
  label: string;
  uri: string;
  range: Range;
  /** Seconds; one hour when the template does not set it. */
  maxSessionDuration: number;
  maxSessionDurationSet: boolean;
}

/** Client → server: the roles named like the ARN's role, defined in the workspace. */
export const knownRolesRequest = new RequestType<KnownRolesParams, KnownRole[], void>('iamSts/knownRoles');
