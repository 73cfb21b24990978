import { formatCallLog } from './redact';
import type { StsSession } from './sessionRecord';
import type { StsCallError, StsResult } from './stsTypes';

/**
 * "Open in AWS Console": trade a session's credentials for a sign-in token at the federation
 * endpoint of its partition (getSigninToken), and build the login URL that carries it.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html
 */

export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

const hosts: Record<Partition, { signin: string; console: string }> = {
  aws: { signin: 'https://signin.aws.amazon.com/federation', console: 'https://console.aws.amazon.com/' },
  'aws-cn': { signin: 'https://signin.amazonaws.cn/federation', console: 'https://console.amazonaws.cn/' },
  'aws-us-gov': { signin: 'https://signin.amazonaws-us-gov.com/federation', console: 'https://console.amazonaws-us-gov.com/' },
};

export function partitionOf(session: Pick<StsSession, 'principalArn' | 'roleArn' | 'region'>): Partition {
  const fromArn = (session.principalArn ?? session.roleArn)?.split(':')[1];
  if (fromArn === 'aws-cn' || fromArn === 'aws-us-gov' || fromArn === 'aws') return fromArn;
  if (session.region.startsWith('cn-')) return 'aws-cn';
  if (session.region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export function federationEndpointOf(partition: Partition): string {
  return hosts[partition].signin;
}

/** The console home of the partition, in the session's Region. */
export function consoleDestination(partition: Partition, region: string): string {
  return `${hosts[partition].console}console/home?region=${encodeURIComponent(region)}`;
}

/** Why a session cannot open the console, or undefined when it can. */
export function whyNoConsole(session: Pick<StsSession, 'api'>): string | undefined {
  if (session.api === 'GetSessionToken') {
    return (
      'GetSessionToken credentials cannot sign in to the AWS Management Console: the federation endpoint accepts only ' +
      'credentials from AssumeRole*, GetFederationToken or IAM Identity Center. Assume a role with them first (Assume Role from this session).'
    );
  }
  return undefined;
}

export interface ConsoleSignInOptions {
  /** A custom federation endpoint (user settings only); else the partition's. */
  federationEndpoint?: string;
  /** Where the console opens; default: the console home in the session's Region. */
  destination?: string;
  /** 900–43,200 seconds; sent for role sessions only (federation-token sessions last as their credentials). */
  sessionDurationSeconds?: number;
  issuer?: string;
  fetch?: typeof fetch;
  log?: (line: string) => void;
}

function failure(message: string, code = 'ConsoleSignInFailed'): StsResult<never> {
  const error: StsCallError = { code, message, cause: 'aws', operation: 'getSigninToken' };
  return { ok: false, error };
}

/** The login URL (it holds a sign-in token: a secret for 15 minutes, never logged). */
export async function consoleSignInUrl(session: StsSession, options: ConsoleSignInOptions = {}): Promise<StsResult<{ url: string; destination: string }>> {
  const refused = whyNoConsole(session);
  if (refused) return failure(refused, 'NotForConsole');
  const partition = partitionOf(session);
  const endpoint = options.federationEndpoint ? `${options.federationEndpoint.replace(/\/+$/, '')}/federation` : federationEndpointOf(partition);
  const destination = options.destination ?? consoleDestination(partition, session.region);
  const query = new URLSearchParams({ Action: 'getSigninToken' });
  const isRoleSession = session.api !== 'GetFederationToken';
  if (isRoleSession && options.sessionDurationSeconds !== undefined) {
    query.set('SessionDuration', String(options.sessionDurationSeconds));
  }
  const { accessKeyId, secretAccessKey, sessionToken } = session.credentials;
  query.set('Session', JSON.stringify({ sessionId: accessKeyId, sessionKey: secretAccessKey, sessionToken }));
  let token: string | undefined;
  try {
    const response = await (options.fetch ?? fetch)(`${endpoint}?${query.toString()}`, { signal: AbortSignal.timeout(8000) });
    const body = (await response.json().catch(() => ({}))) as { SigninToken?: unknown; message?: unknown };
    if (!response.ok || typeof body.SigninToken !== 'string') {
      options.log?.(formatCallLog({ operation: 'getSigninToken', result: `HTTP ${response.status}` }));
      return failure(`The federation endpoint ${endpoint} refused the session (HTTP ${response.status})${typeof body.message === 'string' ? `: ${body.message}` : ''}.`);
    }
    token = body.SigninToken;
  } catch (error) {
    options.log?.(formatCallLog({ operation: 'getSigninToken', result: 'network error' }));
    return failure(`Could not reach the federation endpoint ${endpoint}: ${(error as Error).message}`, 'NetworkError');
  }
  options.log?.(formatCallLog({ operation: 'getSigninToken', result: 'ok' }));
  const login = new URLSearchParams({ Action: 'login', Issuer: options.issuer ?? 'iam-sts-studio', Destination: destination, SigninToken: token });
  return { ok: true, value: { url: `${endpoint}?${login.toString()}`, destination } };
}
