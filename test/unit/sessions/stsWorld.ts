import { createHash } from 'node:crypto';
import serverConfig from '../../fixtures/sts/server-config.json';
import { StsGateway, type StsGatewayOptions } from '../../../client/src/sessions/stsGateway';
import type { StsServerConfig } from '../../sts-server/stsServerConfig';
import { LoopbackStsServer } from '../../sts-server/stsServer';

/** The identities and roles of `server-config.json`, and helpers to reach them through the real SDK. */

export const accounts = { main: '111122223333', partner: '444455556666' };
export const alice = serverConfig.identities[0];
export const bob = serverConfig.identities[1];
export const root = serverConfig.identities[2];
export const roles = {
  dev: 'arn:aws:iam::111122223333:role/Dev',
  admin: 'arn:aws:iam::111122223333:role/Admin',
  partner: 'arn:aws:iam::444455556666:role/Partner',
  chained: 'arn:aws:iam::111122223333:role/Chained',
  webApp: 'arn:aws:iam::111122223333:role/WebApp',
  samlUser: 'arn:aws:iam::111122223333:role/SamlUser',
};
export const samlProvider = 'arn:aws:iam::111122223333:saml-provider/Okta';
export const aliceMfa = ((mfa) => {
  if (!mfa) {
    throw new Error('server-config.json must give alice an MFA device');
  }
  return mfa;
})(alice.mfa);
export const knownAuthorizationMessage = Object.keys(serverConfig.authorizationMessages)[0];

export function freshServerConfig(): StsServerConfig {
  return JSON.parse(JSON.stringify(serverConfig)) as StsServerConfig;
}

export function startServer(): Promise<LoopbackStsServer> {
  return LoopbackStsServer.start(freshServerConfig());
}

export function gatewayFor(
  server: LoopbackStsServer,
  keys: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined,
  options: StsGatewayOptions = {},
): StsGateway {
  return new StsGateway({
    endpoint: server.url,
    credentials: keys ? async () => ({ ...keys }) : undefined,
    ...options,
  });
}

function base64url(value: object | string): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/** An unsigned-looking OIDC ID token (the loopback server reads claims, it does not verify signatures). */
export function oidcToken(claims: { iss?: string; sub?: string; aud?: string; expiresInSeconds?: number }): string {
  const payload = {
    iss: claims.iss ?? 'https://token.actions.githubusercontent.com',
    sub: claims.sub ?? 'repo:octo/app:ref:refs/heads/main',
    aud: claims.aud ?? 'sts.amazonaws.com',
    exp: Math.floor(Date.now() / 1000) + (claims.expiresInSeconds ?? 600),
  };
  const signature = createHash('sha256').update(JSON.stringify(payload)).digest('base64url');
  return `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url(payload)}.${signature}`;
}

export function samlAssertion(options: { issuer?: string; nameId?: string; expiresInSeconds?: number } = {}): string {
  const notOnOrAfter = new Date(Date.now() + (options.expiresInSeconds ?? 300) * 1000).toISOString();
  const xml =
    '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">' +
    `<saml:Issuer>${options.issuer ?? 'http://www.okta.com/exk1example'}</saml:Issuer>` +
    '<saml:Assertion>' +
    `<saml:Subject><saml:NameID>${options.nameId ?? 'alice@example.com'}</saml:NameID>` +
    `<saml:SubjectConfirmation><saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter}"/></saml:SubjectConfirmation></saml:Subject>` +
    '</saml:Assertion></samlp:Response>';
  return Buffer.from(xml).toString('base64');
}
