import { randomBytes } from 'node:crypto';
import { newTemporaryKeys, randomId, type Caller, type IssuedCredentials } from './stsIdentities';

/**
 * The IAM Identity Center APIs the AWS SDK calls, as JSON over HTTP on the loopback server:
 * SSO OIDC (RegisterClient, StartDeviceAuthorization, CreateToken with the device-code and
 * refresh-token grants), the SSO portal (ListAccounts, ListAccountRoles, GetRoleCredentials)
 * and the federation endpoint (getSigninToken, login).
 * https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/API_CreateToken.html
 * https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/API_GetRoleCredentials.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html
 */

export interface IdentityCenterAccount {
  accountId: string;
  accountName: string;
  emailAddress?: string;
  roles: string[];
}

export interface IdentityCenterConfig {
  accounts: IdentityCenterAccount[];
  /** Seconds between polls the device authorization asks for (default 1). */
  intervalSeconds?: number;
  /** Lifetime of a device code (default 600). */
  deviceCodeSeconds?: number;
  /** Lifetime of an access token (default 28800). */
  accessTokenSeconds?: number;
  /** Lifetime of role credentials (default 3600). */
  roleCredentialSeconds?: number;
}

/** What happens to a device authorization: the user has not acted yet, approved or denied it. */
export type DeviceState = 'pending' | 'approved' | 'denied';

interface Device {
  deviceCode: string;
  userCode: string;
  clientId: string;
  startUrl: string;
  expiresAt: number;
  state: DeviceState;
  lastPollAt?: number;
  /** Answer `slow_down` to this many of the next polls. */
  slowDowns: number;
}

export interface JsonAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface IdentityCenterRequest {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function oidcError(type: string, code: string, description: string, status = 400): JsonAnswer {
  return { status, headers: { 'x-amzn-errortype': type }, body: { error: code, error_description: description } };
}

function portalError(type: string, message: string, status: number): JsonAnswer {
  return { status, headers: { 'x-amzn-errortype': type }, body: { message } };
}

function secret(prefix: string, bytes = 48): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

export class LoopbackIdentityCenter {
  readonly clients = new Map<string, { clientSecret: string; expiresAt: number }>();
  readonly devices = new Map<string, Device>();
  readonly accessTokens = new Map<string, { expiresAt: number }>();
  readonly refreshTokens = new Map<string, { clientId: string }>();
  readonly signinTokens = new Map<string, { accessKeyId: string; sessionDuration?: number }>();
  /** Every request, by operation, with no secret in it. */
  readonly calls: Array<{ operation: string; detail?: string }> = [];

  constructor(
    readonly config: IdentityCenterConfig,
    private readonly now: () => Date,
    private readonly remember: (issued: IssuedCredentials) => void,
    private readonly issuedCredentials: (accessKeyId: string) => IssuedCredentials | undefined,
    /** Where the verification page is: the loopback server itself, never a real AWS host. */
    private readonly baseUrl: () => string,
  ) {}

  /** Every secret handed out: client secrets, device codes, access, refresh and sign-in tokens. */
  secrets(): string[] {
    return [
      ...[...this.clients.values()].map((client) => client.clientSecret),
      ...this.devices.keys(),
      ...this.accessTokens.keys(),
      ...this.refreshTokens.keys(),
      ...this.signinTokens.keys(),
    ];
  }

  /** The user approves (or denies) the device authorization showing `userCode` in the browser. */
  decide(userCode: string, state: Exclude<DeviceState, 'pending'>): boolean {
    const device = [...this.devices.values()].find((candidate) => candidate.userCode === userCode);
    if (!device) return false;
    device.state = state;
    return true;
  }

  /** The next `count` polls of every pending device are answered `slow_down`. */
  slowDown(count: number): void {
    for (const device of this.devices.values()) device.slowDowns = count;
  }

  get pendingUserCodes(): string[] {
    return [...this.devices.values()].filter((device) => device.state === 'pending').map((device) => device.userCode);
  }

  handles(url: URL): boolean {
    return ['/client/register', '/device_authorization', '/token', '/assignment/accounts', '/assignment/roles', '/federation/credentials', '/logout', '/federation', '/device'].includes(url.pathname);
  }

  answer(request: IdentityCenterRequest): JsonAnswer {
    const path = request.url.pathname;
    const json = () => {
      try {
        return JSON.parse(request.body || '{}') as Record<string, unknown>;
      } catch {
        return {};
      }
    };
    switch (path) {
      case '/client/register':
        return this.registerClient(json());
      case '/device_authorization':
        return this.startDeviceAuthorization(json());
      case '/token':
        return this.createToken(json());
      case '/assignment/accounts':
        return this.withToken(request, 'ListAccounts', () => ({
          status: 200,
          body: { accountList: this.config.accounts.map(({ accountId, accountName, emailAddress }) => ({ accountId, accountName, emailAddress })) },
        }));
      case '/assignment/roles':
        return this.withToken(request, 'ListAccountRoles', () => {
          const accountId = request.url.searchParams.get('account_id') ?? '';
          const account = this.config.accounts.find((candidate) => candidate.accountId === accountId);
          if (!account) return portalError('ResourceNotFoundException', `No access to account ${accountId}`, 404);
          return { status: 200, body: { roleList: account.roles.map((roleName) => ({ roleName, accountId })) } };
        });
      case '/federation/credentials':
        return this.withToken(request, 'GetRoleCredentials', () => this.roleCredentials(request.url));
      case '/logout':
        return this.withToken(request, 'Logout', () => {
          this.accessTokens.delete(String(request.headers['x-amz-sso_bearer_token']));
          return { status: 200, body: {} };
        });
      case '/federation':
        return this.federation(request.url);
      case '/device':
        // The page a user would approve the code on; tests decide with `decide()`.
        return { status: 200, body: { userCode: request.url.searchParams.get('user_code') ?? '', state: 'waiting for the user' } };
      default:
        return { status: 404, body: { message: `no route ${path}` } };
    }
  }

  private registerClient(input: Record<string, unknown>): JsonAnswer {
    this.calls.push({ operation: 'RegisterClient', detail: String(input.clientName ?? '') });
    if (typeof input.clientName !== 'string' || input.clientType !== 'public') {
      return oidcError('InvalidClientMetadataException', 'invalid_client_metadata', 'clientName and clientType "public" are required');
    }
    const clientId = randomId('client-', 22);
    const clientSecret = secret('cs-');
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    const expiresAt = issuedAt + 90 * 86_400;
    this.clients.set(clientId, { clientSecret, expiresAt });
    return { status: 200, body: { clientId, clientSecret, clientIdIssuedAt: issuedAt, clientSecretExpiresAt: expiresAt } };
  }

  private startDeviceAuthorization(input: Record<string, unknown>): JsonAnswer {
    this.calls.push({ operation: 'StartDeviceAuthorization', detail: String(input.startUrl ?? '') });
    const client = this.clients.get(String(input.clientId));
    if (!client || client.clientSecret !== input.clientSecret) {
      return oidcError('InvalidClientException', 'invalid_client', 'Invalid client', 401);
    }
    const deviceCode = secret('dc-');
    const userCode = `${randomId('', 4)}-${randomId('', 4)}`;
    const expiresIn = this.config.deviceCodeSeconds ?? 600;
    this.devices.set(deviceCode, {
      deviceCode,
      userCode,
      clientId: String(input.clientId),
      startUrl: String(input.startUrl ?? ''),
      expiresAt: this.now().getTime() + expiresIn * 1000,
      state: 'pending',
      slowDowns: 0,
    });
    const verificationUri = `${this.baseUrl()}/device`;
    return {
      status: 200,
      body: {
        deviceCode,
        userCode,
        verificationUri,
        verificationUriComplete: `${verificationUri}?user_code=${userCode}`,
        expiresIn,
        interval: this.config.intervalSeconds ?? 1,
      },
    };
  }

  private createToken(input: Record<string, unknown>): JsonAnswer {
    const grant = String(input.grantType ?? '');
    this.calls.push({ operation: 'CreateToken', detail: grant });
    const client = this.clients.get(String(input.clientId));
    if (!client || client.clientSecret !== input.clientSecret) {
      return oidcError('InvalidClientException', 'invalid_client', 'Invalid client', 401);
    }
    if (grant === 'refresh_token') {
      const refresh = this.refreshTokens.get(String(input.refreshToken));
      if (!refresh || refresh.clientId !== input.clientId) return oidcError('InvalidGrantException', 'invalid_grant', 'Invalid refresh token');
      this.refreshTokens.delete(String(input.refreshToken));
      return this.issueToken(String(input.clientId));
    }
    if (grant !== 'urn:ietf:params:oauth:grant-type:device_code') {
      return oidcError('UnsupportedGrantTypeException', 'unsupported_grant_type', `Unsupported grant type ${grant}`);
    }
    const device = this.devices.get(String(input.deviceCode));
    if (!device || device.clientId !== input.clientId) return oidcError('InvalidGrantException', 'invalid_grant', 'Invalid device code');
    const now = this.now().getTime();
    if (now >= device.expiresAt) return oidcError('ExpiredTokenException', 'expired_token', 'The device code has expired');
    if (device.slowDowns > 0) {
      device.slowDowns -= 1;
      return oidcError('SlowDownException', 'slow_down', 'Client is polling too fast');
    }
    device.lastPollAt = now;
    if (device.state === 'denied') return oidcError('AccessDeniedException', 'access_denied', 'The user denied the authorization');
    if (device.state === 'pending') return oidcError('AuthorizationPendingException', 'authorization_pending', 'Authorization is pending');
    this.devices.delete(device.deviceCode);
    return this.issueToken(device.clientId);
  }

  private issueToken(clientId: string): JsonAnswer {
    const accessToken = secret('at-', 96);
    const refreshToken = secret('rt-', 64);
    const expiresIn = this.config.accessTokenSeconds ?? 28_800;
    this.accessTokens.set(accessToken, { expiresAt: this.now().getTime() + expiresIn * 1000 });
    this.refreshTokens.set(refreshToken, { clientId });
    return { status: 200, body: { accessToken, tokenType: 'Bearer', expiresIn, refreshToken } };
  }

  private withToken(request: IdentityCenterRequest, operation: string, then: () => JsonAnswer): JsonAnswer {
    this.calls.push({ operation });
    const token = request.headers['x-amz-sso_bearer_token'];
    const known = typeof token === 'string' ? this.accessTokens.get(token) : undefined;
    if (!known) return portalError('UnauthorizedException', 'Session token not found or invalid', 401);
    if (known.expiresAt <= this.now().getTime()) return portalError('UnauthorizedException', 'Session token has expired', 401);
    return then();
  }

  private roleCredentials(url: URL): JsonAnswer {
    const accountId = url.searchParams.get('account_id') ?? '';
    const roleName = url.searchParams.get('role_name') ?? '';
    const account = this.config.accounts.find((candidate) => candidate.accountId === accountId);
    if (!account?.roles.includes(roleName)) {
      return portalError('ForbiddenException', `No access to ${roleName} in ${accountId}`, 403);
    }
    const keys = newTemporaryKeys();
    const expiration = new Date(this.now().getTime() + (this.config.roleCredentialSeconds ?? 3600) * 1000);
    const roleArn = `arn:aws:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_${roleName}_${randomId('', 16).toLowerCase()}`;
    const roleId = randomId('AROA', 17);
    const caller: Caller = {
      kind: 'assumed-role',
      accessKeyId: keys.accessKeyId,
      secretAccessKey: keys.secretAccessKey,
      arn: `arn:aws:sts::${accountId}:assumed-role/AWSReservedSSO_${roleName}/sso-user`,
      userId: `${roleId}:sso-user`,
      account: accountId,
      roleArn,
      mfaAuthenticated: false,
    };
    this.remember({ caller, sessionToken: keys.sessionToken, expiration });
    return {
      status: 200,
      body: { roleCredentials: { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, sessionToken: keys.sessionToken, expiration: expiration.getTime() } },
    };
  }

  /** getSigninToken takes the session as JSON and answers a SigninToken; login redirects with it. */
  private federation(url: URL): JsonAnswer {
    const action = url.searchParams.get('Action');
    this.calls.push({ operation: `federation:${action ?? ''}` });
    if (action === 'getSigninToken') {
      let session: { sessionId?: string; sessionKey?: string; sessionToken?: string };
      try {
        session = JSON.parse(url.searchParams.get('Session') ?? '');
      } catch {
        return { status: 400, body: { message: 'Session is not JSON' } };
      }
      const issued = session.sessionId ? this.issuedCredentials(session.sessionId) : undefined;
      if (!issued || issued.caller.secretAccessKey !== session.sessionKey || issued.sessionToken !== session.sessionToken) {
        return { status: 400, body: { message: 'The session credentials are not valid' } };
      }
      if (issued.caller.kind === 'session-token') {
        return { status: 400, body: { message: 'GetSessionToken credentials cannot sign in to the console' } };
      }
      const durationText = url.searchParams.get('SessionDuration');
      const sessionDuration = durationText ? Number(durationText) : undefined;
      if (sessionDuration !== undefined && (!Number.isInteger(sessionDuration) || sessionDuration < 900 || sessionDuration > 43_200)) {
        return { status: 400, body: { message: 'SessionDuration must be 900-43200' } };
      }
      const signinToken = secret('st-', 120);
      this.signinTokens.set(signinToken, { accessKeyId: issued.caller.accessKeyId, sessionDuration });
      return { status: 200, body: { SigninToken: signinToken } };
    }
    if (action === 'login') {
      const token = url.searchParams.get('SigninToken') ?? '';
      if (!this.signinTokens.has(token)) return { status: 400, body: { message: 'invalid SigninToken' } };
      return { status: 302, body: {}, headers: { location: url.searchParams.get('Destination') ?? 'https://console.aws.amazon.com/' } };
    }
    return { status: 400, body: { message: `unknown Action ${action ?? ''}` } };
  }
}
