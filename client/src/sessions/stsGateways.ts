import { lazyProvider } from '../awsSdk/loadAwsSdk';
import { reissueSession, type MfaCodePrompt, type ProfileSessionOptions } from './profileSessions';
import type { StsSession } from './sessionRecord';
import { StsGateway, type CredentialsProvider } from './stsGateway';
import type { GetRoleCredentialsRequest, IssuedSession, StsResult } from './stsTypes';

/**
 * Makes the STS gateways of the extension: one per call, since each call is signed by the
 * credentials the user picked, but all going to the endpoint and Region of the settings in
 * force and logging (redacted) to the same place.
 */

export interface Signer {
  provider: CredentialsProvider;
  /** `profile "dev"`, `the default credential chain`, `session Dev (alice)`. */
  source: string;
}

export interface StsGatewaysOptions {
  settings: { readonly current: { region: string; endpoint?: string } };
  log: (line: string) => void;
  askMfaCode: MfaCodePrompt;
  /** Issues IAM Identity Center role credentials again (the refresh of such a session). */
  roleCredentials?: (request: GetRoleCredentialsRequest) => Promise<StsResult<IssuedSession>>;
  /** A stored session by id: the source of a role chain, whose current credentials sign its refresh. */
  sessionById?: (sessionId: string) => StsSession | undefined;
  /** The default credential chain; the SDK's unless a test gives another. */
  defaultChain?: (askMfaCode: MfaCodePrompt) => CredentialsProvider;
}

function sdkDefaultChain(askMfaCode: MfaCodePrompt): CredentialsProvider {
  return lazyProvider((sdk) => sdk.fromNodeProviderChain({ mfaCodeProvider: async (serial) => (await askMfaCode(serial)) ?? '' }));
}

function sendsUnsigned(session: StsSession): boolean {
  return session.api === 'AssumeRoleWithWebIdentity' || session.api === 'AssumeRoleWithSAML';
}

export class StsGateways {
  constructor(private readonly options: StsGatewaysOptions) {}

  get region(): string {
    return this.options.settings.current.region;
  }

  get endpoint(): string | undefined {
    return this.options.settings.current.endpoint;
  }

  /** A gateway whose calls `signer` signs; `region` overrides the setting (a profile's Region). */
  signedBy(signer: Signer, region?: string): StsGateway {
    return new StsGateway({ ...this.base(region), credentials: signer.provider, credentialsSource: signer.source });
  }

  /** A gateway for the unsigned calls (web identity, SAML). */
  unsigned(region?: string): StsGateway {
    return new StsGateway(this.base(region));
  }

  defaultChain(): Signer {
    const make = this.options.defaultChain ?? sdkDefaultChain;
    return { provider: make(this.options.askMfaCode), source: 'the default credential chain' };
  }

  /** What the profile helpers need to resolve a profile and call STS with it. */
  profileOptions(region?: string): ProfileSessionOptions {
    return { askMfaCode: this.options.askMfaCode, gateway: this.base(region) };
  }

  /**
   * Issues a stored session's request again: the refresh path. It goes to the endpoint the user
   * configures now, not one remembered with the session.
   */
  async reissue(session: StsSession, mfaCode: string | undefined): Promise<StsResult<IssuedSession>> {
    const request = session.request;
    if (request.api === 'GetRoleCredentials') {
      if (!this.options.roleCredentials) throw new Error('IAM Identity Center is not wired');
      return this.options.roleCredentials(request);
    }
    const endpoint = this.endpoint;
    const issued = await this.reissueAtSts(session, request, mfaCode);
    return issued.ok ? { ok: true, value: { ...issued.value, endpoint } } : issued;
  }

  private async reissueAtSts(session: StsSession, request: Exclude<StsSession['request'], { api: 'GetRoleCredentials' }>, mfaCode: string | undefined): Promise<StsResult<IssuedSession>> {
    if (request.api === 'AssumeRole' && session.chainedFrom) {
      const source = this.options.sessionById?.(session.chainedFrom.sessionId);
      if (!source || source.credentials.expiration.getTime() <= Date.now()) {
        const message = source
          ? `This session was assumed from ${session.chainedFrom.title}, which has expired; refresh that one first, then this one.`
          : `This session was assumed from ${session.chainedFrom.title}, which was forgotten; assume the role again from another session.`;
        return { ok: false, error: { code: 'ChainSourceUnavailable', cause: 'credentials', operation: 'AssumeRole', message } };
      }
      const { accessKeyId, secretAccessKey, sessionToken, expiration } = source.credentials;
      const signer = { provider: async () => ({ accessKeyId, secretAccessKey, sessionToken, expiration }), source: `session ${session.chainedFrom.title}` };
      return this.signedBy(signer, session.region).issue(request, { mfaCode });
    }
    if (!sendsUnsigned(session) && !session.profile && !session.sourceProfile) {
      return this.signedBy(this.defaultChain(), session.region).issue(request, { mfaCode });
    }
    return reissueSession({ ...session, request, endpoint: this.endpoint }, mfaCode, this.profileOptions(session.region));
  }

  private base(region: string | undefined) {
    return { region: region ?? this.region, endpoint: this.endpoint, log: this.options.log };
  }
}
