import type { GetRoleCredentialsRequest, IssuedSession, StsResult } from '../sessions/stsTypes';
import { IdentityCenterClient, type DeviceCode, type SsoAccount } from './identityCenterClient';
import { readSsoToken, writeSsoToken, type SsoCacheKey, type SsoTokenCacheEntry } from './ssoTokenCache';

/**
 * IAM Identity Center for the rest of the extension: sign-in that lands in the AWS CLI's token
 * cache, a usable token (refreshed with the refresh token when it has run out), and role
 * credentials for a session and its refresh. The endpoints come from user settings only.
 */

export interface IdentityCenterStart extends SsoCacheKey {
  region: string;
}

export interface IdentityCenterOptions {
  settings: { readonly current: { ssoOidcEndpoint?: string; ssoPortalEndpoint?: string } };
  log: (line: string) => void;
  /** The home whose ~/.aws/sso/cache holds tokens (default: the user's). */
  home?: string;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export class IdentityCenter {
  constructor(private readonly options: IdentityCenterOptions) {}

  client(region: string): IdentityCenterClient {
    const { ssoOidcEndpoint, ssoPortalEndpoint } = this.options.settings.current;
    return new IdentityCenterClient({ region, oidcEndpoint: ssoOidcEndpoint, portalEndpoint: ssoPortalEndpoint, log: this.options.log, sleep: this.options.sleep });
  }

  /** Device authorization, then the token written to the CLI's cache file (whose path is returned). */
  async signIn(
    start: IdentityCenterStart,
    onDeviceCode: (code: DeviceCode) => void | Promise<void>,
    signal?: AbortSignal,
    onPoll?: (state: 'pending' | 'slow-down', intervalSeconds: number) => void,
  ): Promise<StsResult<{ entry: SsoTokenCacheEntry; cacheFile: string }>> {
    const cached = await readSsoToken(start, this.options.home);
    const signedIn = await this.client(start.region).signIn({ startUrl: start.startUrl, registration: cached, onDeviceCode, signal, onPoll });
    if (!signedIn.ok) return signedIn;
    const cacheFile = await writeSsoToken(start, signedIn.value, this.options.home);
    return { ok: true, value: { entry: signedIn.value, cacheFile } };
  }

  /** The cached token, refreshed (and written back) when it has expired. */
  async token(start: IdentityCenterStart): Promise<StsResult<SsoTokenCacheEntry>> {
    const cached = await readSsoToken(start, this.options.home);
    return this.client(cached?.region ?? start.region).usableToken(cached, async (entry) => {
      await writeSsoToken(start, entry, this.options.home);
    });
  }

  async accounts(start: IdentityCenterStart, accessToken: string): Promise<StsResult<SsoAccount[]>> {
    return this.client(start.region).listAccounts(accessToken);
  }

  async roles(start: IdentityCenterStart, accessToken: string, accountId: string): Promise<StsResult<string[]>> {
    return this.client(start.region).listAccountRoles(accessToken, accountId);
  }

  /** Role credentials with the cached (or refreshed) token: the first issue and every refresh. */
  async roleCredentials(request: GetRoleCredentialsRequest): Promise<StsResult<IssuedSession>> {
    const start = { ssoSession: request.ssoSession, startUrl: request.startUrl, region: request.ssoRegion };
    const token = await this.token(start);
    if (!token.ok) return token;
    return this.client(request.ssoRegion).getRoleCredentials(token.value.accessToken, request.accountId, request.roleName);
  }
}
