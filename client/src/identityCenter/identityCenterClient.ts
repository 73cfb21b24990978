import type { GetRoleCredentialsCommandOutput, ListAccountRolesCommandOutput, ListAccountsCommandOutput, SSOClient } from '@aws-sdk/client-sso';
import type { CreateTokenCommandOutput, RegisterClientCommandOutput, SSOOIDCClient, StartDeviceAuthorizationCommandOutput } from '@aws-sdk/client-sso-oidc';
import { loadAwsSdk, type AwsSdk } from '../awsSdk/loadAwsSdk';
import { formatCallLog } from '../sessions/redact';
import { toStsCallError } from '../sessions/stsErrors';
import type { IssuedSession, StsCallError, StsOperation, StsResult } from '../sessions/stsTypes';
import { cliTimestamp, registrationIsValid, tokenIsFresh, type SsoTokenCacheEntry } from './ssoTokenCache';

/**
 * IAM Identity Center through the real SDK clients: the OAuth device authorization flow of SSO
 * OIDC (RegisterClient, StartDeviceAuthorization, CreateToken polled at the interval the service
 * asks for, five seconds more after each slow_down as RFC 8628 §3.5 says), the refresh-token
 * grant, and the portal's account, role and role-credential listing.
 * https://docs.aws.amazon.com/singlesignon/latest/OIDCAPIReference/API_CreateToken.html
 */

export interface IdentityCenterClientOptions {
  /** The Identity Center Region (`sso_region`). */
  region: string;
  /** Custom endpoints (user settings only), else the SDK's regional AWS endpoints. */
  oidcEndpoint?: string;
  portalEndpoint?: string;
  log?: (line: string) => void;
  now?: () => Date;
  /** Waits between polls; tests shorten it. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface DeviceCode {
  userCode: string;
  verificationUri: string;
  verificationUriComplete?: string;
  expiresInSeconds: number;
}

export interface SignInOptions {
  startUrl: string;
  /** A still valid client registration from the cache is used again, as the CLI does. */
  registration?: Pick<SsoTokenCacheEntry, 'clientId' | 'clientSecret' | 'registrationExpiresAt'>;
  /** Shows the user code and opens the verification page. */
  onDeviceCode: (code: DeviceCode) => void | Promise<void>;
  /** Each poll answered pending or slow_down, with the interval used from then on. */
  onPoll?: (state: 'pending' | 'slow-down', intervalSeconds: number) => void;
  signal?: AbortSignal;
}

export interface SsoAccount {
  accountId: string;
  accountName?: string;
  emailAddress?: string;
}

const clientName = 'iam-sts-studio';
const scopes = ['sso:account:access'];
const deviceGrant = 'urn:ietf:params:oauth:grant-type:device_code';

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function ssoError(operation: StsOperation, code: string, message: string): StsCallError {
  return { code, cause: 'aws', operation, message };
}

/** Messages for what the SSO services answer, with the fix. */
function describeSsoFailure(operation: StsOperation, raw: unknown, endpoint: string, region: string): StsCallError {
  const name = (raw as { name?: string } | undefined)?.name ?? '';
  switch (name) {
    case 'ExpiredTokenException':
      return ssoError(operation, 'ExpiredToken', 'The sign-in code expired before it was confirmed in the browser. Run Sign in with IAM Identity Center again.');
    case 'AccessDeniedException':
      return ssoError(operation, 'AccessDenied', 'The sign-in was denied in the browser. Run Sign in with IAM Identity Center again and choose Allow.');
    case 'InvalidGrantException':
      return ssoError(operation, 'InvalidGrant', 'IAM Identity Center no longer accepts this sign-in (the refresh token was revoked or used). Sign in again.');
    case 'InvalidClientException':
      return ssoError(operation, 'InvalidClient', 'The client registration of this editor expired or is unknown. Sign in again.');
    case 'UnauthorizedException':
      return ssoError(operation, 'Unauthorized', 'The IAM Identity Center token is expired or was signed out. Sign in with IAM Identity Center again.');
    case 'ForbiddenException':
      return ssoError(operation, 'Forbidden', 'This permission set is not assigned to you in that account.');
    case 'ResourceNotFoundException':
      return ssoError(operation, 'ResourceNotFound', 'That account is not assigned to you in IAM Identity Center.');
    default:
      return toStsCallError(raw, { operation, region, endpoint });
  }
}

export class IdentityCenterClient {
  private readonly now: () => Date;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(private readonly options: IdentityCenterClientOptions) {
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? defaultSleep;
  }

  get oidcEndpointLabel(): string {
    return this.options.oidcEndpoint ?? `https://oidc.${this.options.region}.amazonaws.com`;
  }

  get portalEndpointLabel(): string {
    return this.options.portalEndpoint ?? `https://portal.sso.${this.options.region}.amazonaws.com`;
  }

  /** Runs the device authorization flow to its end: a token entry in the CLI's cache format. */
  async signIn(options: SignInOptions): Promise<StsResult<SsoTokenCacheEntry>> {
    const sdk = await this.loadSdk('RegisterClient');
    if (!sdk.ok) return sdk;
    const oidc = this.oidcClient(sdk.value);
    try {
      let registration = options.registration;
      if (!registration || !registrationIsValid(registration, this.now())) {
        const registered = await this.send<RegisterClientCommandOutput>(oidc, 'RegisterClient', new sdk.value.RegisterClientCommand({ clientName, clientType: 'public', scopes }));
        if (!registered.ok) return registered;
        registration = {
          clientId: registered.value.clientId,
          clientSecret: registered.value.clientSecret,
          registrationExpiresAt: cliTimestamp(new Date((registered.value.clientSecretExpiresAt ?? 0) * 1000)),
        };
      }
      const { clientId, clientSecret } = registration as { clientId: string; clientSecret: string };
      const started = await this.send<StartDeviceAuthorizationCommandOutput>(oidc, 'StartDeviceAuthorization', new sdk.value.StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: options.startUrl }));
      if (!started.ok) return started;
      const device = started.value;
      if (!device.deviceCode || !device.userCode || !device.verificationUri) {
        return { ok: false, error: ssoError('StartDeviceAuthorization', 'MalformedResponse', `${this.oidcEndpointLabel} did not answer a device code.`) };
      }
      await options.onDeviceCode({
        userCode: device.userCode,
        verificationUri: device.verificationUri,
        verificationUriComplete: device.verificationUriComplete,
        expiresInSeconds: device.expiresIn ?? 600,
      });
      let intervalSeconds = device.interval ?? 5;
      const giveUpAt = this.now().getTime() + (device.expiresIn ?? 600) * 1000;
      for (;;) {
        await this.sleep(intervalSeconds * 1000, options.signal);
        if (options.signal?.aborted) {
          return { ok: false, error: ssoError('CreateToken', 'Cancelled', 'The sign-in was cancelled.') };
        }
        try {
          const token = await oidc.send(new sdk.value.CreateTokenCommand({ clientId, clientSecret, grantType: deviceGrant, deviceCode: device.deviceCode }));
          this.log('CreateToken', 'ok', token.$metadata.requestId);
          return { ok: true, value: this.entryFrom(options.startUrl, registration, token) };
        } catch (error) {
          const name = (error as { name?: string }).name;
          if (name === 'AuthorizationPendingException' && this.now().getTime() < giveUpAt) {
            options.onPoll?.('pending', intervalSeconds);
            continue;
          }
          if (name === 'SlowDownException') {
            intervalSeconds += 5;
            options.onPoll?.('slow-down', intervalSeconds);
            continue;
          }
          const failure = describeSsoFailure('CreateToken', name === 'AuthorizationPendingException' ? { name: 'ExpiredTokenException' } : error, this.oidcEndpointLabel, this.options.region);
          this.log('CreateToken', failure.code);
          return { ok: false, error: failure };
        }
      }
    } finally {
      oidc.destroy();
    }
  }

  /** A new access token from the refresh token, when the entry has one and its registration holds. */
  async refresh(entry: SsoTokenCacheEntry): Promise<StsResult<SsoTokenCacheEntry>> {
    if (!entry.refreshToken || !registrationIsValid(entry, this.now())) {
      return { ok: false, error: ssoError('CreateToken', 'RefreshUnavailable', 'The cached sign-in cannot be refreshed (no refresh token or an expired registration). Sign in again.') };
    }
    const sdk = await this.loadSdk('CreateToken');
    if (!sdk.ok) return sdk;
    const oidc = this.oidcClient(sdk.value);
    try {
      const token = await this.send<CreateTokenCommandOutput>(
        oidc,
        'CreateToken',
        new sdk.value.CreateTokenCommand({ clientId: entry.clientId, clientSecret: entry.clientSecret, grantType: 'refresh_token', refreshToken: entry.refreshToken }),
      );
      if (!token.ok) return token;
      return { ok: true, value: this.entryFrom(entry.startUrl, entry, token.value) };
    } finally {
      oidc.destroy();
    }
  }

  /** The cached token if fresh; else refreshed (and `onRefreshed` told to store it); else an error. */
  async usableToken(entry: SsoTokenCacheEntry | undefined, onRefreshed: (entry: SsoTokenCacheEntry) => Promise<void>): Promise<StsResult<SsoTokenCacheEntry>> {
    if (!entry) {
      return { ok: false, error: ssoError('GetRoleCredentials', 'NotSignedIn', 'There is no IAM Identity Center sign-in for this start URL. Run Sign in with IAM Identity Center.') };
    }
    if (tokenIsFresh(entry, this.now())) return { ok: true, value: entry };
    const refreshed = await this.refresh(entry);
    if (refreshed.ok) await onRefreshed(refreshed.value);
    return refreshed;
  }

  async listAccounts(accessToken: string): Promise<StsResult<SsoAccount[]>> {
    const sdk = await this.loadSdk('ListAccounts');
    if (!sdk.ok) return sdk;
    const portal = this.portalClient(sdk.value);
    try {
      const accounts: SsoAccount[] = [];
      let nextToken: string | undefined;
      do {
        const page = await this.send<ListAccountsCommandOutput>(portal, 'ListAccounts', new sdk.value.ListAccountsCommand({ accessToken, nextToken, maxResults: 100 }));
        if (!page.ok) return page;
        for (const account of page.value.accountList ?? []) {
          if (account.accountId) accounts.push({ accountId: account.accountId, accountName: account.accountName, emailAddress: account.emailAddress });
        }
        nextToken = page.value.nextToken;
      } while (nextToken);
      return { ok: true, value: accounts };
    } finally {
      portal.destroy();
    }
  }

  async listAccountRoles(accessToken: string, accountId: string): Promise<StsResult<string[]>> {
    const sdk = await this.loadSdk('ListAccountRoles');
    if (!sdk.ok) return sdk;
    const portal = this.portalClient(sdk.value);
    try {
      const roles: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await this.send<ListAccountRolesCommandOutput>(portal, 'ListAccountRoles', new sdk.value.ListAccountRolesCommand({ accessToken, accountId, nextToken, maxResults: 100 }));
        if (!page.ok) return page;
        for (const role of page.value.roleList ?? []) if (role.roleName) roles.push(role.roleName);
        nextToken = page.value.nextToken;
      } while (nextToken);
      return { ok: true, value: roles };
    } finally {
      portal.destroy();
    }
  }

  /** The permission set's role credentials, shaped like an STS answer so they become a session. */
  async getRoleCredentials(accessToken: string, accountId: string, roleName: string): Promise<StsResult<IssuedSession>> {
    const sdk = await this.loadSdk('GetRoleCredentials');
    if (!sdk.ok) return sdk;
    const portal = this.portalClient(sdk.value);
    try {
      const answer = await this.send<GetRoleCredentialsCommandOutput>(portal, 'GetRoleCredentials', new sdk.value.GetRoleCredentialsCommand({ accessToken, accountId, roleName }));
      if (!answer.ok) return answer;
      const raw = answer.value.roleCredentials;
      if (!raw?.accessKeyId || !raw.secretAccessKey || !raw.sessionToken || !raw.expiration) {
        return { ok: false, error: ssoError('GetRoleCredentials', 'MalformedResponse', `${this.portalEndpointLabel} answered GetRoleCredentials without credentials.`) };
      }
      return {
        ok: true,
        value: {
          api: 'GetRoleCredentials',
          credentials: { accessKeyId: raw.accessKeyId, secretAccessKey: raw.secretAccessKey, sessionToken: raw.sessionToken, expiration: new Date(raw.expiration) },
          requestId: answer.value.$metadata.requestId,
        },
      };
    } finally {
      portal.destroy();
    }
  }

  private entryFrom(
    startUrl: string,
    registration: Pick<SsoTokenCacheEntry, 'clientId' | 'clientSecret' | 'registrationExpiresAt'>,
    token: { accessToken?: string; expiresIn?: number; refreshToken?: string },
  ): SsoTokenCacheEntry {
    return {
      startUrl,
      region: this.options.region,
      accessToken: token.accessToken ?? '',
      expiresAt: cliTimestamp(new Date(this.now().getTime() + (token.expiresIn ?? 3600) * 1000)),
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      registrationExpiresAt: registration.registrationExpiresAt,
      refreshToken: token.refreshToken,
    };
  }

  /** The SDK, loaded on the first call (see loadAwsSdk); a failed load is this operation's error. */
  private async loadSdk(operation: StsOperation): Promise<StsResult<AwsSdk>> {
    try {
      return { ok: true, value: await loadAwsSdk() };
    } catch (error) {
      const endpoint = operation === 'ListAccounts' || operation === 'ListAccountRoles' || operation === 'GetRoleCredentials' ? this.portalEndpointLabel : this.oidcEndpointLabel;
      return { ok: false, error: toStsCallError(error, { operation, region: this.options.region, endpoint }) };
    }
  }

  private oidcClient(sdk: AwsSdk): SSOOIDCClient {
    return new sdk.SSOOIDCClient({ region: this.options.region, endpoint: this.options.oidcEndpoint, maxAttempts: 2, requestHandler: { connectionTimeout: 2000, requestTimeout: 8000 } });
  }

  private portalClient(sdk: AwsSdk): SSOClient {
    return new sdk.SSOClient({ region: this.options.region, endpoint: this.options.portalEndpoint, maxAttempts: 2, requestHandler: { connectionTimeout: 2000, requestTimeout: 8000 } });
  }

  private async send<T extends { $metadata: { requestId?: string } }>(
    client: SSOClient | SSOOIDCClient,
    operation: StsOperation,
    command: unknown,
  ): Promise<StsResult<T>> {
    const endpoint = operation === 'ListAccounts' || operation === 'ListAccountRoles' || operation === 'GetRoleCredentials' ? this.portalEndpointLabel : this.oidcEndpointLabel;
    try {
      const output = (await (client as { send: (command: unknown) => Promise<unknown> }).send(command)) as T;
      this.log(operation, 'ok', output.$metadata.requestId);
      return { ok: true, value: output };
    } catch (error) {
      const failure = describeSsoFailure(operation, error, endpoint, this.options.region);
      this.log(operation, failure.code, failure.requestId);
      return { ok: false, error: failure };
    }
  }

  private log(operation: StsOperation, result: string, requestId?: string): void {
    this.options.log?.(formatCallLog({ operation, result, requestId }));
  }
}
