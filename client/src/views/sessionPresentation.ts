import { formatTimeLeft } from '../sessions/countdown';
import { sessionBaseTitle, type StsSession } from '../sessions/sessionRecord';
import type { SessionState } from '../sessions/sessionStore';

/**
 * What the sidebar and the status bar show for one session, computed from the session, its
 * state and the time: no vscode types, so every label and tooltip line is unit-tested. The views
 * turn `iconId`/`colorId` into a ThemeIcon and the tooltip text into a MarkdownString.
 */

export interface SessionPresentation {
  /** "Dev (alice-cli)": role and session name, or what the session stands for. */
  label: string;
  /** "47m 12s left · 111122223333 · AssumeRole": the countdown first, so a narrow sidebar still shows it. */
  description: string;
  /** Markdown: ARN, assumed-role id, source profile, expiry in local time and UTC, region, endpoint, policy. */
  tooltip: string;
  /** Codicon id of the state icon. */
  iconId: string;
  /** Theme colour id of the state icon. */
  colorId: string;
  /** `stsSession.active`, `stsSession.expiringSoon`, `stsSession.expired`: menus match on the prefix. */
  contextValue: string;
}

export interface PresentationOptions {
  /** The session the status bar and new terminals use. */
  inUse?: boolean;
  /** Time zone for the local expiry time; the machine's when absent (tests pin one). */
  timeZone?: string;
}

const stateIcons: Record<SessionState, { iconId: string; colorId: string; words: string }> = {
  active: { iconId: 'pass-filled', colorId: 'charts.green', words: 'Active' },
  expiringSoon: { iconId: 'warning', colorId: 'list.warningForeground', words: 'Expiring soon' },
  expired: { iconId: 'error', colorId: 'list.errorForeground', words: 'Expired' },
};

/** "Dev (alice-cli)", "federated user ci-bot", "session token (alice)"; "Dev (alice-cli) #2" for a second one. */
export function sessionTitle(session: StsSession): string {
  const base = sessionBaseTitle(session);
  return session.ordinal !== undefined && session.ordinal > 1 ? `${base} #${session.ordinal}` : base;
}

/** "issued 14:02:11": what tells sessions apart in a picker, next to the ordinal. */
export function issuedWords(session: Pick<StsSession, 'issuedAt'>, timeZone?: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(session.issuedAt);
  return `issued ${time}`;
}

/** "3m", "1h 12m": how long ago something happened. */
export function formatAge(thenMs: number, now: number): string {
  const minutes = Math.max(0, Math.floor((now - thenMs) / 60_000));
  return minutes < 60 ? `${minutes}m` : `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/** Characters Markdown would interpret inside plain text of the tooltip. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (character) => `\\${character}`);
}

function code(text: string): string {
  // A code span cannot hold a backtick run of the same length; ARNs and ids never contain one.
  return `\`${text.replace(/`/g, "'")}\``;
}

export function formatLocalTime(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZoneName: 'short',
  }).format(date);
}

/** `2026-03-01 12:47:00 UTC`. */
export function formatUtcTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function endpointOf(session: Pick<StsSession, 'endpoint' | 'region'>): string {
  return session.endpoint ?? `https://sts.${session.region}.amazonaws.com`;
}

function signerOf(session: StsSession): string {
  if (session.api === 'AssumeRoleWithWebIdentity' || session.api === 'AssumeRoleWithSAML') {
    return 'none (unsigned call with an identity provider token)';
  }
  if (session.sourceProfile) {
    return `profile "${session.sourceProfile}"`;
  }
  return session.profile ? `credential_source of profile "${session.profile}"` : 'the default credential chain';
}

export function presentSession(session: StsSession, state: SessionState, now: number, options: PresentationOptions = {}): SessionPresentation {
  const look = stateIcons[state];
  const timeLeft = formatTimeLeft(session.credentials.expiration, now);
  const chain = session.chainedFrom ? `chained from ${session.chainedFrom.title}` : undefined;
  const description = [timeLeft, session.account, session.api, chain, options.inUse ? 'in use' : undefined].filter(Boolean).join(' · ');
  const expiration = session.credentials.expiration;
  const rows: Array<[string, string | undefined]> = [
    ['State', `${look.words}, ${timeLeft}${options.inUse ? ' (in use)' : ''}`],
    ['ARN', session.principalArn ? code(session.principalArn) : undefined],
    ['Role', session.roleArn ? code(session.roleArn) : undefined],
    ['Assumed-role id', session.assumedRoleId ? code(session.assumedRoleId) : undefined],
    ['Account', session.account],
    ['Issued by', `${session.api}${session.usedMfa ? ' with MFA' : ''}`],
    // aws:MultiFactorAuthAge counts from the MFA sign-in, which policies may limit.
    ['MFA used', session.mfaAt ? `${formatAge(Date.parse(session.mfaAt), now)} ago (aws:MultiFactorAuthAge)` : undefined],
    ['Role chain', session.chainedFrom ? escapeMarkdown([...session.chainedFrom.chain, session.roleArn ?? session.label].join(' → ')) + ' (at most 1 hour)' : undefined],
    ['Identity Center', session.identityCenter ? escapeMarkdown(`${session.identityCenter.roleName} in ${session.identityCenter.accountId} (${session.identityCenter.startUrl})`) : undefined],
    ['Profile', session.profile ? `"${escapeMarkdown(session.profile)}"` : undefined],
    ['Signed by', escapeMarkdown(signerOf(session))],
    ['Expires', `${escapeMarkdown(formatLocalTime(expiration, options.timeZone))} (${escapeMarkdown(formatUtcTime(expiration))})`],
    ['Region', session.region],
    ['Endpoint', code(endpointOf(session))],
    ['Session policy', escapeMarkdown(session.sessionPolicySummary ?? 'none (the role’s permissions apply)')],
    ['Packed policy size', session.packedPolicySize !== undefined ? `${session.packedPolicySize}%` : undefined],
    ['Refreshed', session.refreshCount > 0 ? `${session.refreshCount} time${session.refreshCount === 1 ? '' : 's'}` : undefined],
    ['Last refresh failed', session.lastRefreshError ? escapeMarkdown(session.lastRefreshError) : undefined],
  ];
  const tooltip = [
    `**${escapeMarkdown(sessionTitle(session))}**`,
    '',
    ...rows.filter((row): row is [string, string] => row[1] !== undefined).map(([name, value]) => `${name}: ${value}  `),
  ].join('\n');
  return {
    label: sessionTitle(session),
    description,
    tooltip,
    iconId: look.iconId,
    colorId: look.colorId,
    contextValue: `stsSession.${state}`,
  };
}

export interface StatusBarPresentation {
  text: string;
  tooltip: string;
  /** Theme colour id of the item's background, for states that need attention. */
  backgroundColorId?: string;
}

/** Where new sessions are requested: the endpoint the settings choose now. */
export interface EndpointInUse {
  region: string;
  /** A custom endpoint from user settings; undefined for the regional AWS endpoint. */
  endpoint?: string;
}

/**
 * The Sessions view's message and description for the endpoint in use: a custom endpoint
 * receives the user's credentials, so it is always said, with the Region.
 */
export function presentEndpoint(inUse: EndpointInUse): { message: string; description: string } {
  if (inUse.endpoint) {
    let host = inUse.endpoint;
    try {
      host = new URL(inUse.endpoint).host;
    } catch {
      // shown as written
    }
    return {
      message: `STS endpoint: ${inUse.endpoint} (custom, from user settings) · Region ${inUse.region}`,
      description: `${inUse.region} · via ${host}`,
    };
  }
  return { message: `STS endpoint: ${endpointOf({ region: inUse.region })} · Region ${inUse.region}`, description: inUse.region };
}

/** The status bar item: the session in use, its time left, and the endpoint new sessions go to. */
export function presentStatusBar(
  session: StsSession | undefined,
  state: SessionState | undefined,
  now: number,
  sessionCount: number,
  inUse?: EndpointInUse,
): StatusBarPresentation {
  const where = inUse ? ` ${presentEndpoint(inUse).message}.` : '';
  if (!session || !state) {
    return { text: '$(key) No STS session', tooltip: `IAM STS: no session in use. Click to pick one.${where}` };
  }
  const timeLeft = formatTimeLeft(session.credentials.expiration, now);
  const icon = state === 'expired' ? '$(error)' : state === 'expiringSoon' ? '$(warning)' : '$(key)';
  const others = sessionCount > 1 ? ` (${sessionCount} sessions)` : '';
  return {
    text: `${icon} ${sessionTitle(session)} · ${timeLeft}`,
    tooltip: `IAM STS: ${sessionTitle(session)} is the session in use${others}; ${timeLeft}, issued by ${endpointOf(session)}. Click to pick another session.${where}`,
    backgroundColorId:
      state === 'expired' ? 'statusBarItem.errorBackground' : state === 'expiringSoon' ? 'statusBarItem.warningBackground' : undefined,
  };
}
