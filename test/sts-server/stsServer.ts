import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LoopbackIdentityCenter } from './identityCenter';
import { callerFromIdentity, type Caller, type IssuedCredentials } from './stsIdentities';
import { StsOperationError } from './stsInputs';
import { allowedWithFederationToken, allowedWithSessionToken, operationHandlers, unsignedActions } from './stsOperations';
import { errorSpec, type StsFault, type StsServerConfig } from './stsServerConfig';
import { errorBody, successBody, type XmlFields } from './stsXml';
import { parseAuthorization, signatureMatches } from './sigv4';

/**
 * A real HTTP server on 127.0.0.1 that speaks the STS Query API (form-encoded POST,
 * `Action=…&Version=2011-06-15`, XML answers) for tests: the real AWS SDK talks to it exactly
 * as it would talk to sts.REGION.amazonaws.com.
 */

export interface RecordedStsRequest {
  action: string;
  version: string | undefined;
  /** Form parameters; TokenCode, WebIdentityToken and SAMLAssertion are redacted. */
  params: Record<string, string>;
  signed: boolean;
  accessKeyId?: string;
  /** Region from the SigV4 credential scope. */
  region?: string;
  hasSecurityToken: boolean;
  path: string;
}

const redactedParams = new Set(['TokenCode', 'WebIdentityToken', 'SAMLAssertion']);
const stsVersion = '2011-06-15';
const maxBodyBytes = 1024 * 1024;

interface Answer {
  status: number;
  body: string;
}

export interface StartOptions {
  port?: number;
  host?: string;
  /** Clock for expirations and expiry checks; tests move it to expire sessions. */
  now?: () => Date;
}

export class LoopbackStsServer {
  readonly requests: RecordedStsRequest[] = [];
  private readonly issued = new Map<string, IssuedCredentials>();
  private readonly pendingDelays = new Set<() => void>();
  private now: () => Date;
  /** SSO OIDC, SSO portal and federation endpoint, on the same port. */
  readonly identityCenter: LoopbackIdentityCenter;

  private constructor(
    private readonly server: Server,
    readonly config: StsServerConfig,
    readonly url: string,
    now: () => Date,
  ) {
    this.now = now;
    this.identityCenter = new LoopbackIdentityCenter(
      config.identityCenter ?? { accounts: [] },
      () => this.now(),
      (issued) => this.issued.set(issued.caller.accessKeyId, issued),
      (accessKeyId) => this.issued.get(accessKeyId),
      () => this.url,
    );
  }

  static async start(config: StsServerConfig = {}, options: StartOptions = {}): Promise<LoopbackStsServer> {
    const host = options.host ?? '127.0.0.1';
    let instance: LoopbackStsServer | undefined;
    const server = createServer((request, response) => {
      void instance?.handle(request, response);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    instance = new LoopbackStsServer(server, { ...config, faults: { ...config.faults } }, `http://${host}:${port}`, options.now ?? (() => new Date()));
    return instance;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  setFault(action: string, fault: StsFault | undefined): void {
    const faults = (this.config.faults ??= {});
    if (fault) {
      faults[action] = { ...fault };
    } else {
      delete faults[action];
    }
  }

  setClock(now: () => Date): void {
    this.now = now;
  }

  /** The caller a set of issued temporary credentials stands for (for assertions). */
  issuedCaller(accessKeyId: string): Caller | undefined {
    return this.issued.get(accessKeyId)?.caller;
  }

  requestsFor(action: string): RecordedStsRequest[] {
    return this.requests.filter((request) => request.action === action);
  }

  async stop(): Promise<void> {
    for (const release of this.pendingDelays) {
      release();
    }
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    let answer: Answer | undefined;
    const url = new URL(request.url ?? '/', this.url);
    if (this.identityCenter.handles(url)) {
      await this.answerJson(request, response, url, requestId);
      return;
    }
    try {
      const body = await readBody(request);
      answer = await this.answer(request, body, requestId);
    } catch (error) {
      answer = toErrorAnswer(error, requestId);
    }
    if (answer && !response.destroyed) {
      response.writeHead(answer.status, {
        'content-type': 'text/xml',
        'x-amzn-requestid': requestId,
        'content-length': Buffer.byteLength(answer.body),
      });
      response.end(answer.body);
    }
  }

  private async answerJson(request: IncomingMessage, response: ServerResponse, url: URL, requestId: string): Promise<void> {
    let body = '';
    try {
      body = (await readBody(request)).toString('utf8');
    } catch {
      // An unreadable body is answered like an empty one.
    }
    const fault = this.takeFault(url.pathname);
    if (fault?.delayMs && !(await this.delay(fault.delayMs))) return;
    const answer = fault?.error
      ? { status: fault.error.status ?? 500, body: { message: fault.error.message ?? fault.error.code }, headers: { 'x-amzn-errortype': fault.error.code } as Record<string, string> }
      : this.identityCenter.answer({ method: request.method ?? 'GET', url, headers: request.headers, body });
    const text = JSON.stringify(answer.body);
    if (response.destroyed) return;
    response.writeHead(answer.status, {
      'content-type': 'application/json',
      'x-amzn-requestid': requestId,
      'content-length': Buffer.byteLength(text),
      ...answer.headers,
    });
    response.end(text);
  }

  private async answer(request: IncomingMessage, body: Buffer, requestId: string): Promise<Answer | undefined> {
    if (request.method !== 'POST') {
      throw new StsOperationError('InvalidAction', 'The loopback STS server only accepts form-encoded POST requests.');
    }
    const params = new URLSearchParams(body.toString('utf8'));
    const action = params.get('Action') ?? '';
    const auth = parseAuthorization(headerText(request, 'authorization'));
    this.requests.push({
      action,
      version: params.get('Version') ?? undefined,
      params: Object.fromEntries([...params].map(([key, value]) => [key, redactedParams.has(key) ? '[redacted]' : value])),
      signed: auth !== undefined,
      accessKeyId: auth?.accessKeyId,
      region: auth?.region,
      hasSecurityToken: headerText(request, 'x-amz-security-token') !== undefined,
      path: request.url ?? '/',
    });

    const fault = this.takeFault(action);
    if (fault?.delayMs) {
      const stillOpen = await this.delay(fault.delayMs);
      if (!stillOpen) {
        return undefined;
      }
    }
    if (fault?.error) {
      const spec = errorSpec(fault.error.code);
      return {
        status: fault.error.status ?? spec.status,
        body: errorBody({ type: spec.type, code: fault.error.code, message: fault.error.message ?? spec.message }, requestId),
      };
    }
    if (fault?.malformed) {
      return { status: 200, body: malformedBody(fault.malformed, action, requestId) };
    }

    if (params.get('Version') !== stsVersion) {
      throw new StsOperationError('InvalidAction', `Could not find operation ${action} for version ${params.get('Version') ?? 'NO_VERSION_SPECIFIED'}`);
    }
    const handler = operationHandlers[action];
    if (!handler) {
      throw new StsOperationError('InvalidAction', `Could not find operation ${action} for version ${stsVersion}`);
    }
    const caller = unsignedActions.has(action) ? undefined : this.authenticate(request, body, action);
    const result: XmlFields = handler(params, {
      config: this.config,
      caller,
      now: this.now(),
      remember: (issued) => this.issued.set(issued.caller.accessKeyId, issued),
    });
    return { status: 200, body: successBody(action, result, requestId) };
  }

  private authenticate(request: IncomingMessage, body: Buffer, action: string): Caller {
    const header = headerText(request, 'authorization');
    if (header === undefined) {
      throw new StsOperationError('MissingAuthenticationToken');
    }
    const auth = parseAuthorization(header);
    if (!auth) {
      throw new StsOperationError('IncompleteSignature');
    }
    const identity = this.config.identities?.find((candidate) => candidate.accessKeyId === auth.accessKeyId);
    const issued = this.issued.get(auth.accessKeyId);
    let caller: Caller;
    if (identity) {
      caller = callerFromIdentity(identity);
    } else if (issued) {
      if (headerText(request, 'x-amz-security-token') !== issued.sessionToken) {
        throw new StsOperationError('InvalidClientTokenId');
      }
      if (issued.expiration.getTime() <= this.now().getTime()) {
        throw new StsOperationError('ExpiredToken');
      }
      if (this.config.version1TokensRefusedIn?.includes(auth.region)) {
        throw new StsOperationError('InvalidClientTokenId');
      }
      caller = issued.caller;
    } else {
      throw new StsOperationError('InvalidClientTokenId');
    }
    const signed = { method: request.method ?? 'POST', url: request.url ?? '/', headers: request.headers, body };
    if (this.config.verifySignatures !== false && !signatureMatches(signed, auth, caller.secretAccessKey)) {
      throw new StsOperationError('SignatureDoesNotMatch');
    }
    if (this.config.disabledRegions?.includes(auth.region)) {
      throw new StsOperationError(
        'RegionDisabledException',
        `STS is not activated in this region for account:${caller.account}. Your account administrator can activate STS in this region using the IAM Console.`,
      );
    }
    if (caller.kind === 'session-token' && !allowedWithSessionToken.has(action)) {
      throw new StsOperationError('AccessDenied', `Cannot call ${action} with session credentials`);
    }
    if (caller.kind === 'federated-user' && !allowedWithFederationToken.has(action)) {
      throw new StsOperationError('AccessDenied', `Cannot call ${action} with federated user credentials`);
    }
    return caller;
  }

  private takeFault(action: string): StsFault | undefined {
    const fault = this.config.faults?.[action];
    if (!fault) {
      return undefined;
    }
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) {
        delete this.config.faults?.[action];
      }
    }
    return fault;
  }

  /** Resolves true after `ms`, or false at once if the server stops first. */
  private delay(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const release = () => {
        clearTimeout(timer);
        this.pendingDelays.delete(release);
        resolve(false);
      };
      const timer = setTimeout(() => {
        this.pendingDelays.delete(release);
        resolve(true);
      }, ms);
      this.pendingDelays.add(release);
    });
  }
}

function headerText(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new StsOperationError('ValidationError', 'Request body too large.'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function toErrorAnswer(error: unknown, requestId: string): Answer {
  if (error instanceof StsOperationError) {
    const spec = errorSpec(error.code);
    const message = error.message === error.code ? spec.message : error.message;
    return { status: spec.status, body: errorBody({ type: spec.type, code: error.code, message }, requestId) };
  }
  const spec = errorSpec('InternalFailure');
  return { status: spec.status, body: errorBody({ type: spec.type, code: 'InternalFailure', message: String(error) }, requestId) };
}

function malformedBody(kind: StsFault['malformed'], action: string, requestId: string): string {
  switch (kind) {
    case 'not-xml':
      return '{"this": "is not an STS answer"';
    case 'empty':
      return '';
    case 'missing-credentials':
      return successBody(action, { PackedPolicySize: 1 }, requestId);
    case 'truncated-xml':
    default: {
      const whole = successBody(action, { Credentials: { AccessKeyId: 'ASIATRUNCATEDEXAMPLE', SecretAccessKey: 'x', SessionToken: 'y', Expiration: 'z' } }, requestId);
      return whole.slice(0, Math.floor(whole.length / 2));
    }
  }
}
