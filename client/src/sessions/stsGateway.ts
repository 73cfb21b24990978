import { readFile } from 'node:fs/promises';
import type {
  AssumeRoleCommand,
  AssumeRoleWithSAMLCommand,
  AssumeRoleWithWebIdentityCommand,
  Credentials as SdkCredentials,
  DecodeAuthorizationMessageCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
  Tag as SdkTag,
} from '@aws-sdk/client-sts';
import { loadAwsSdk, type AwsSdk } from '../awsSdk/loadAwsSdk';
import type { AwsCredentialIdentity } from '@smithy/types';
import { formatCallLog, type CallLogFields } from './redact';
import { credentialsUnavailableError, invalidInputError, malformedResponseError, toStsCallError, type StsErrorContext } from './stsErrors';
import type {
  CallerIdentity,
  DecodedAuthorizationMessage,
  IssuedSession,
  StsSessionRequest,
  SessionTag,
  StsCallError,
  StsOperation,
  StsResult,
  TemporaryCredentials,
} from './stsTypes';
import { validateEncodedAuthorizationMessage, validateSessionRequest } from './validation';

/**
 * Every STS call of the extension goes through here, using the real `@aws-sdk/client-sts`.
 * Calls are bounded: a connect timeout, a per-attempt timeout, few attempts, and an overall
 * deadline, so a dead endpoint fails in seconds instead of hanging a command.
 */

export type CredentialsProvider = () => Promise<AwsCredentialIdentity>;

export interface StsGatewayOptions {
  /** Default `us-east-1`; the SDK then uses the regional endpoint `sts.REGION.amazonaws.com`. */
  region?: string;
  /** Custom endpoint URL (a VPC endpoint, a test server); overrides the regional endpoint. */
  endpoint?: string;
  /** Signs AssumeRole, GetSessionToken, GetFederationToken, GetCallerIdentity, DecodeAuthorizationMessage. */
  credentials?: CredentialsProvider;
  /** Names the credentials in messages, e.g. `profile "dev"`. */
  credentialsSource?: string;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  maxAttempts?: number;
  overallTimeoutMs?: number;
  /** Receives one log line per call, already redacted. */
  log?: (line: string) => void;
}

export interface IssueOptions {
  /** The 6-digit code for this call when the request names an MFA device. */
  mfaCode?: string;
}

export const defaultStsRegion = 'us-east-1';

/** STS answers in well under a second; these bound a dead or black-holed endpoint to ~8 s. */
const defaults = {
  connectTimeoutMs: 2_000,
  requestTimeoutMs: 4_000,
  maxAttempts: 2,
  overallTimeoutMs: 8_000,
};

type AnyStsCommand =
  | AssumeRoleCommand
  | AssumeRoleWithSAMLCommand
  | AssumeRoleWithWebIdentityCommand
  | DecodeAuthorizationMessageCommand
  | GetCallerIdentityCommand
  | GetFederationTokenCommand
  | GetSessionTokenCommand;

interface CallSpec<T> {
  operation: StsOperation;
  roleArn?: string;
  signed: boolean;
  /** Made once the SDK is loaded (the first call loads it). */
  command: (sdk: AwsSdk) => AnyStsCommand;
  /** Returns undefined when the output lacks what a valid answer must have. */
  parse: (output: Record<string, unknown>, requestId: string | undefined) => T | undefined;
}

function toSdkTags(tags: SessionTag[] | undefined): SdkTag[] | undefined {
  return tags?.map((tag) => ({ Key: tag.key, Value: tag.value }));
}

function toPolicyDescriptors(arns: string[] | undefined): Array<{ arn: string }> | undefined {
  return arns?.map((arn) => ({ arn }));
}

function parseCredentials(raw: SdkCredentials | undefined): TemporaryCredentials | undefined {
  if (!raw?.AccessKeyId || !raw.SecretAccessKey || !raw.SessionToken) {
    return undefined;
  }
  const expiration = raw.Expiration instanceof Date ? raw.Expiration : undefined;
  if (!expiration || Number.isNaN(expiration.getTime())) {
    return undefined;
  }
  return {
    accessKeyId: raw.AccessKeyId,
    secretAccessKey: raw.SecretAccessKey,
    sessionToken: raw.SessionToken,
    expiration,
  };
}

function parseIssued(api: IssuedSession['api']) {
  return (output: Record<string, unknown>, requestId: string | undefined): IssuedSession | undefined => {
    const credentials = parseCredentials(output.Credentials as SdkCredentials | undefined);
    if (!credentials) {
      return undefined;
    }
    const roleUser = output.AssumedRoleUser as { AssumedRoleId?: string; Arn?: string } | undefined;
    const federated = output.FederatedUser as { FederatedUserId?: string; Arn?: string } | undefined;
    const expectsRoleUser = api === 'AssumeRole' || api === 'AssumeRoleWithWebIdentity' || api === 'AssumeRoleWithSAML';
    if (expectsRoleUser && (!roleUser?.Arn || !roleUser.AssumedRoleId)) {
      return undefined;
    }
    if (api === 'GetFederationToken' && (!federated?.Arn || !federated.FederatedUserId)) {
      return undefined;
    }
    const str = (key: string) => (typeof output[key] === 'string' ? (output[key] as string) : undefined);
    return {
      api,
      credentials,
      assumedRoleUser: roleUser?.Arn && roleUser.AssumedRoleId ? { assumedRoleId: roleUser.AssumedRoleId, arn: roleUser.Arn } : undefined,
      federatedUser:
        federated?.Arn && federated.FederatedUserId ? { federatedUserId: federated.FederatedUserId, arn: federated.Arn } : undefined,
      packedPolicySize: typeof output.PackedPolicySize === 'number' ? output.PackedPolicySize : undefined,
      sourceIdentity: str('SourceIdentity'),
      subject: str('SubjectFromWebIdentityToken') ?? str('Subject'),
      provider: str('Provider'),
      audience: str('Audience'),
      issuer: str('Issuer'),
      requestId,
    };
  };
}

export class StsGateway {
  readonly region: string;
  readonly endpoint: string | undefined;
  private readonly options: StsGatewayOptions;

  constructor(options: StsGatewayOptions = {}) {
    this.options = options;
    this.region = options.region ?? defaultStsRegion;
    this.endpoint = options.endpoint;
  }

  /** The endpoint calls go to, for display and messages. */
  get endpointLabel(): string {
    return this.endpoint ?? `https://sts.${this.region}.amazonaws.com`;
  }

  /** Issues (or re-issues) a request that returns temporary credentials. */
  async issue(request: StsSessionRequest, options: IssueOptions = {}): Promise<StsResult<IssuedSession>> {
    const problem = validateSessionRequest(request, options.mfaCode);
    if (problem) {
      return this.fail(invalidInputError(request.api, problem), 'roleArn' in request ? request.roleArn : undefined);
    }
    switch (request.api) {
      case 'AssumeRole':
        return this.call({
          operation: 'AssumeRole',
          roleArn: request.roleArn,
          signed: true,
          command: (sdk) => new sdk.AssumeRoleCommand({
            RoleArn: request.roleArn,
            RoleSessionName: request.roleSessionName,
            DurationSeconds: request.durationSeconds,
            ExternalId: request.externalId,
            SerialNumber: request.mfaSerial,
            TokenCode: request.mfaSerial ? options.mfaCode : undefined,
            Policy: request.policy,
            PolicyArns: toPolicyDescriptors(request.policyArns),
            Tags: toSdkTags(request.tags),
            TransitiveTagKeys: request.transitiveTagKeys,
            SourceIdentity: request.sourceIdentity,
          }),
          parse: parseIssued('AssumeRole'),
        });
      case 'GetSessionToken':
        return this.call({
          operation: 'GetSessionToken',
          signed: true,
          command: (sdk) => new sdk.GetSessionTokenCommand({
            DurationSeconds: request.durationSeconds,
            SerialNumber: request.mfaSerial,
            TokenCode: request.mfaSerial ? options.mfaCode : undefined,
          }),
          parse: parseIssued('GetSessionToken'),
        });
      case 'AssumeRoleWithWebIdentity': {
        let token = request.webIdentityToken;
        if (token === undefined && request.webIdentityTokenFile !== undefined) {
          try {
            token = (await readFile(request.webIdentityTokenFile, 'utf8')).trim();
          } catch (error) {
            const reason = `Could not read the web identity token file ${request.webIdentityTokenFile}: ${(error as Error).message}`;
            return this.fail(invalidInputError(request.api, reason), request.roleArn);
          }
        }
        return this.call({
          operation: 'AssumeRoleWithWebIdentity',
          roleArn: request.roleArn,
          signed: false,
          command: (sdk) => new sdk.AssumeRoleWithWebIdentityCommand({
            RoleArn: request.roleArn,
            RoleSessionName: request.roleSessionName,
            WebIdentityToken: token,
            ProviderId: request.providerId,
            DurationSeconds: request.durationSeconds,
            Policy: request.policy,
            PolicyArns: toPolicyDescriptors(request.policyArns),
          }),
          parse: parseIssued('AssumeRoleWithWebIdentity'),
        });
      }
      case 'AssumeRoleWithSAML':
        return this.call({
          operation: 'AssumeRoleWithSAML',
          roleArn: request.roleArn,
          signed: false,
          command: (sdk) => new sdk.AssumeRoleWithSAMLCommand({
            RoleArn: request.roleArn,
            PrincipalArn: request.principalArn,
            SAMLAssertion: request.samlAssertion,
            DurationSeconds: request.durationSeconds,
            Policy: request.policy,
            PolicyArns: toPolicyDescriptors(request.policyArns),
          }),
          parse: parseIssued('AssumeRoleWithSAML'),
        });
      case 'GetFederationToken':
        return this.call({
          operation: 'GetFederationToken',
          signed: true,
          command: (sdk) => new sdk.GetFederationTokenCommand({
            Name: request.name,
            DurationSeconds: request.durationSeconds,
            Policy: request.policy,
            PolicyArns: toPolicyDescriptors(request.policyArns),
            Tags: toSdkTags(request.tags),
          }),
          parse: parseIssued('GetFederationToken'),
        });
    }
  }

  /** Who the gateway's credentials belong to. Always allowed, even under an explicit deny. */
  getCallerIdentity(): Promise<StsResult<CallerIdentity>> {
    return this.call({
      operation: 'GetCallerIdentity',
      signed: true,
      command: (sdk) => new sdk.GetCallerIdentityCommand({}),
      parse: (output, requestId) => {
        const { UserId, Account, Arn } = output as { UserId?: string; Account?: string; Arn?: string };
        return UserId && Account && Arn ? { userId: UserId, account: Account, arn: Arn, requestId } : undefined;
      },
    });
  }

  /** Decodes the message of an "encoded authorization failure" error. */
  async decodeAuthorizationMessage(encodedMessage: string): Promise<StsResult<DecodedAuthorizationMessage>> {
    const problem = validateEncodedAuthorizationMessage(encodedMessage);
    if (problem) {
      return this.fail(invalidInputError('DecodeAuthorizationMessage', problem));
    }
    return this.call({
      operation: 'DecodeAuthorizationMessage',
      signed: true,
      command: (sdk) => new sdk.DecodeAuthorizationMessageCommand({ EncodedMessage: encodedMessage.trim() }),
      parse: (output, requestId) =>
        typeof output.DecodedMessage === 'string' ? { decodedMessage: output.DecodedMessage, requestId } : undefined,
    });
  }

  private errorContext(operation: StsOperation, roleArn: string | undefined): StsErrorContext {
    return {
      operation,
      roleArn,
      region: this.region,
      endpoint: this.endpointLabel,
      timeoutMs: this.options.requestTimeoutMs ?? defaults.requestTimeoutMs,
    };
  }

  private logCall(fields: CallLogFields): void {
    this.options.log?.(formatCallLog(fields));
  }

  private fail<T>(error: StsCallError, roleArn?: string): StsResult<T> {
    this.logCall({ operation: error.operation, roleArn, result: error.code, requestId: error.requestId });
    return { ok: false, error };
  }

  private async resolveCredentials(operation: StsOperation): Promise<StsResult<AwsCredentialIdentity>> {
    const source = this.options.credentialsSource ?? 'the selected profile';
    if (!this.options.credentials) {
      return { ok: false, error: credentialsUnavailableError(operation, undefined, source) };
    }
    try {
      return { ok: true, value: await this.options.credentials() };
    } catch (error) {
      return { ok: false, error: credentialsUnavailableError(operation, error, source) };
    }
  }

  private async call<T>(spec: CallSpec<T>): Promise<StsResult<T>> {
    let credentials: AwsCredentialIdentity | undefined;
    if (spec.signed) {
      const resolved = await this.resolveCredentials(spec.operation);
      if (!resolved.ok) {
        return this.fail(resolved.error, spec.roleArn);
      }
      credentials = resolved.value;
    }
    let sdk: AwsSdk;
    try {
      sdk = await loadAwsSdk();
    } catch (error) {
      return this.fail(toStsCallError(error, this.errorContext(spec.operation, spec.roleArn)), spec.roleArn);
    }
    const overallTimeoutMs = this.options.overallTimeoutMs ?? defaults.overallTimeoutMs;
    const client = new sdk.STSClient({
      region: this.region,
      endpoint: this.endpoint,
      useGlobalEndpoint: false,
      maxAttempts: this.options.maxAttempts ?? defaults.maxAttempts,
      // Unsigned operations (web identity, SAML) never ask for credentials; a provider that
      // refuses makes sure the SDK's default chain is never consulted behind the user's back.
      credentials:
        credentials ??
        (async () => {
          throw new Error(`${spec.operation} is sent unsigned`);
        }),
      requestHandler: {
        connectionTimeout: this.options.connectTimeoutMs ?? defaults.connectTimeoutMs,
        requestTimeout: this.options.requestTimeoutMs ?? defaults.requestTimeoutMs,
        throwOnRequestTimeout: true,
      },
    });
    const abort = new AbortController();
    const deadline = setTimeout(() => abort.abort(), overallTimeoutMs);
    try {
      // The command union is not assignable to one overload of `send`; each command is valid.
      const output = (await client.send(spec.command(sdk) as GetCallerIdentityCommand, { abortSignal: abort.signal })) as unknown as Record<
        string,
        unknown
      > & { $metadata?: { requestId?: string } };
      const requestId = output.$metadata?.requestId;
      const value = spec.parse(output, requestId);
      if (value === undefined) {
        return this.fail(malformedResponseError(this.errorContext(spec.operation, spec.roleArn), requestId, 'required fields missing'), spec.roleArn);
      }
      this.logCall({ operation: spec.operation, roleArn: spec.roleArn, result: 'ok', requestId });
      return { ok: true, value };
    } catch (error) {
      const context = this.errorContext(spec.operation, spec.roleArn);
      if (abort.signal.aborted) {
        context.timeoutMs = overallTimeoutMs;
      }
      return this.fail(toStsCallError(error, context), spec.roleArn);
    } finally {
      clearTimeout(deadline);
      client.destroy();
    }
  }
}
