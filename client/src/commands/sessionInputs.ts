import type { IssuingApi, SessionTag } from '../sessions/stsTypes';
import { durationRange, stsLimits, validateDurationSeconds, validateSessionPolicy, validateTags, type DurationContext } from '../sessions/validation';

/**
 * Parsing and checking of what the user types in the command inputs, kept free of vscode so
 * each rule is unit-tested. Every parser returns either the value or the reason it is refused;
 * the reason is what the input box shows under the text (`validateInput`).
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** `Project=blue, CostCenter=42` → tags; checked against the STS limits. */
export function parseSessionTags(text: string): Parsed<SessionTag[]> {
  const trimmed = text.trim();
  if (trimmed.length === 0) {
    return { ok: true, value: [] };
  }
  const tags: SessionTag[] = [];
  for (const part of trimmed.split(',')) {
    const pair = part.trim();
    const equals = pair.indexOf('=');
    if (equals <= 0) {
      return { ok: false, problem: `"${pair}" is not key=value: write tags as Key=Value, separated by commas.` };
    }
    tags.push({ key: pair.slice(0, equals).trim(), value: pair.slice(equals + 1).trim() });
  }
  const problem = validateTags(tags);
  return problem ? { ok: false, problem } : { ok: true, value: tags };
}

const durationUnits: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** `900`, `15m`, `1h`, `1h30m` → seconds, within the range of the API. */
export function parseDuration(text: string, api: IssuingApi, context: DurationContext = {}): Parsed<number> {
  const trimmed = text.trim().toLowerCase().replace(/\s+/g, '');
  let seconds: number | undefined;
  if (/^\d+$/.test(trimmed)) {
    seconds = Number(trimmed);
  } else if (/^(\d+[hms])+$/.test(trimmed)) {
    seconds = 0;
    for (const [, amount, unit] of trimmed.matchAll(/(\d+)([hms])/g)) {
      seconds += Number(amount) * durationUnits[unit];
    }
  }
  if (seconds === undefined) {
    return { ok: false, problem: 'Enter the duration in seconds (3600) or as 15m, 1h, 1h30m.' };
  }
  const problem = validateDurationSeconds(api, seconds, context);
  return problem ? { ok: false, problem } : { ok: true, value: seconds };
}

export interface DurationChoice {
  label: string;
  seconds: number;
}

/** Durations offered in the picker: the common ones the API (and role chaining) allows. */
export function durationChoices(api: IssuingApi, context: DurationContext = {}): DurationChoice[] {
  const candidates: DurationChoice[] = [
    { label: '15 minutes', seconds: 900 },
    { label: '1 hour', seconds: 3600 },
    { label: '4 hours', seconds: 4 * 3600 },
    { label: '8 hours', seconds: 8 * 3600 },
    { label: '12 hours', seconds: 12 * 3600 },
    { label: '36 hours', seconds: 36 * 3600 },
  ];
  const roleMax = api === 'AssumeRole' && !context.roleChaining ? context.roleMax?.seconds : undefined;
  if (roleMax !== undefined && !candidates.some((c) => c.seconds === roleMax)) candidates.push({ label: durationLabel(roleMax), seconds: roleMax });
  candidates.sort((a, b) => a.seconds - b.seconds);
  return candidates.filter((choice) => choice.seconds <= durationRange[api].max && validateDurationSeconds(api, choice.seconds, context) === undefined);
}

/** `7200` → `2 hours`, `5400` → `1 hour 30 minutes`. */
export function durationLabel(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const parts = [hours ? `${hours} hour${hours === 1 ? '' : 's'}` : '', minutes ? `${minutes} minute${minutes === 1 ? '' : 's'}` : ''].filter(Boolean);
  return parts.join(' ') || `${seconds} seconds`;
}

/** The duration a picker offers first, and why. */
export interface PreferredDuration {
  seconds: number;
  source: 'profile' | 'api';
}

/** Each API's own default duration when the request names none (its API reference). */
export const apiDefaultDurationSeconds: Record<IssuingApi, number> = {
  AssumeRole: 3600,
  AssumeRoleWithWebIdentity: 3600,
  AssumeRoleWithSAML: 3600,
  GetSessionToken: 43_200,
  GetFederationToken: 43_200,
  // Set by the permission set's session duration, not by the caller.
  GetRoleCredentials: 3600,
};

/**
 * The bound of an AssumeRole duration from the roles the workspace defines with the ARN's role
 * name: the smallest, when templates disagree (the stricter is the one STS may apply).
 */
export function roleMaxFrom(roles: ReadonlyArray<{ label: string; maxSessionDuration: number; maxSessionDurationSet: boolean }>): { seconds: number; where: string } | undefined {
  const strictest = [...roles].sort((a, b) => a.maxSessionDuration - b.maxSessionDuration)[0];
  if (!strictest) return undefined;
  return { seconds: strictest.maxSessionDuration, where: strictest.maxSessionDurationSet ? strictest.label : `${strictest.label} (no MaxSessionDuration: one hour)` };
}

/**
 * A role profile assumed in one step: its `duration_seconds` above the role's MaxSessionDuration
 * would only come back as STS's ValidationError; said before the call, with where to change it.
 */
export function profileDurationProblem(profile: { name: string; durationSeconds?: number }, roleMax: { seconds: number; where: string } | undefined): string | undefined {
  if (profile.durationSeconds === undefined || !roleMax) return undefined;
  const problem = validateDurationSeconds('AssumeRole', profile.durationSeconds, { roleMax });
  return problem && profile.durationSeconds > roleMax.seconds ? `Profile "${profile.name}" asks for duration_seconds = ${profile.durationSeconds}: ${problem} Lower duration_seconds in the AWS config file.` : undefined;
}

/** A profile's `duration_seconds` as the preferred choice, when it sets one. */
export function profileDuration(seconds: number | undefined): PreferredDuration | undefined {
  return seconds !== undefined ? { seconds, source: 'profile' } : undefined;
}

/** The picker's rows: the preferred duration first, labelled "(profile default)" or "(API default)". */
export function durationItems(api: IssuingApi, context: DurationContext = {}, preferred?: PreferredDuration): Array<{ label: string; description: string; seconds: number }> {
  const first = preferred ?? { seconds: apiDefaultDurationSeconds[api], source: 'api' as const };
  const roleMax = api === 'AssumeRole' && !context.roleChaining ? context.roleMax : undefined;
  const items = durationChoices(api, context).map((choice) => ({
    label: choice.label,
    description: `${choice.seconds} seconds${choice.seconds === first.seconds ? (first.source === 'profile' ? ' (profile default)' : ' (API default)') : ''}${choice.seconds === roleMax?.seconds ? ` (the role's maximum, ${roleMax.where})` : ''}`,
    seconds: choice.seconds,
  }));
  const at = items.findIndex((item) => item.seconds === first.seconds);
  if (at > 0) items.unshift(...items.splice(at, 1));
  return items;
}

/** One diagnostic of the editor, reduced to what the session-policy check needs. */
export interface PolicyDiagnostic {
  severity: 'error' | 'warning' | 'information' | 'hint';
  source?: string;
  message: string;
  /** Zero-based line. */
  line: number;
}

export const ourDiagnosticSource = 'IAM STS Studio';

/**
 * The active editor's text as an inline session policy, or why it cannot be one: errors our
 * language server reported, JSON that does not parse, or more than the 2,048 characters STS
 * accepts. Whitespace is removed before sending, so a pretty-printed policy is measured compact.
 */
export function sessionPolicyFromDocument(text: string, diagnostics: readonly PolicyDiagnostic[]): Parsed<string> {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error' && diagnostic.source === ourDiagnosticSource);
  if (errors.length > 0) {
    const reasons = errors.slice(0, 5).map((error) => `line ${error.line + 1}: ${error.message}`);
    const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
    return { ok: false, problem: `The active editor's policy has errors: ${reasons.join('; ')}${more}.` };
  }
  if (text.trim().length === 0) {
    return { ok: false, problem: 'The active editor is empty: open the policy to use as the session policy.' };
  }
  let compact: string;
  try {
    compact = JSON.stringify(JSON.parse(text));
  } catch (error) {
    return { ok: false, problem: `The inline session policy is not valid JSON: ${(error as Error).message}` };
  }
  if (compact.length > stsLimits.sessionPolicy.max) {
    return {
      ok: false,
      problem:
        `The policy is ${compact.length.toLocaleString('en-US')} characters even without whitespace; an inline session ` +
        `policy may have at most ${stsLimits.sessionPolicy.max.toLocaleString('en-US')}. Use managed policy ARNs or shorten it.`,
    };
  }
  const problem = validateSessionPolicy(compact);
  if (problem) {
    return { ok: false, problem };
  }
  return { ok: true, value: compact };
}

/** A valid RoleSessionName from the OS user name: `alice-iam-sts-studio`, or `iam-sts-studio`. */
export function defaultRoleSessionName(userName: string | undefined): string {
  const cleaned = (userName ?? '').replace(/[^\w+=,.@-]/g, '-').replace(/^-+|-+$/g, '');
  const name = cleaned.length >= 2 ? `${cleaned}-iam-sts-studio` : 'iam-sts-studio';
  return name.slice(0, stsLimits.roleSessionName.max);
}

/** The most recently used role ARNs first, without duplicates, at most `max`. */
export function rememberRoleArn(recent: readonly string[], roleArn: string, max = 10): string[] {
  return [roleArn, ...recent.filter((arn) => arn !== roleArn)].slice(0, max);
}

/** Whether a workspace file is probably the trust policy of the role: a `*trust*.json` naming the role. */
export function looksLikeTrustPolicyOf(fileName: string, text: string, roleArn: string): boolean {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).toLowerCase();
  if (!base.includes('trust') || !base.endsWith('.json')) {
    return false;
  }
  const roleName = roleArn.slice(roleArn.lastIndexOf('/') + 1);
  if (roleName.length === 0) {
    return false;
  }
  // The whole ARN, or the role name as a word of its own (so "Dev" does not match "DevOps").
  if (text.includes(roleArn)) {
    return true;
  }
  const escaped = roleName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w+=,.@-])${escaped}($|[^\\w+=,.@-])`).test(text);
}
