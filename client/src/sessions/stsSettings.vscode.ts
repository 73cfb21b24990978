import * as vscode from 'vscode';
import { defaultStsRegion } from './stsGateway';
import type { WhenSessionForgotten } from './sessionTerminals.vscode';

/**
 * The `iamSts.*` STS settings. The endpoint decides where credentials are sent, so only the
 * user's own (user or machine) value is read: a workspace's `.vscode/settings.json` must never
 * redirect a user's keys to a server of the repository's choosing.
 */

export interface StsSettings {
  region: string;
  /** Custom STS endpoint from user settings only; undefined for the regional AWS endpoint. */
  endpoint?: string;
  /** Why a configured endpoint was ignored, to say once in the output channel. */
  endpointProblem?: string;
  expiringSoonMs: number;
  autoRefresh: boolean;
  persist: boolean;
  applyActiveSessionToTerminals: boolean;
  /** What happens to the terminals opened for a session when it is forgotten. */
  whenSessionForgotten: WhenSessionForgotten;
  /**
   * Custom IAM Identity Center (SSO OIDC, SSO portal) and federation endpoints, from user
   * settings only like `endpoint`: they receive the SSO token and session credentials.
   */
  ssoOidcEndpoint?: string;
  ssoPortalEndpoint?: string;
  federationEndpoint?: string;
  /** Say the Region and endpoint that issued a session when a call fails with an auth error. */
  regionHints: boolean;
}

const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d+$/;

function userEndpoint(configuration: vscode.WorkspaceConfiguration, key = 'stsEndpoint'): { endpoint?: string; problem?: string } {
  const value = configuration.inspect<string>(key)?.globalValue?.trim();
  if (!value) {
    return {};
  }
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return { problem: `iamSts.${key} "${value}" is not an http(s) URL; the AWS endpoint is used.` };
    }
    return { endpoint: value };
  } catch {
    return { problem: `iamSts.${key} "${value}" is not a URL; the AWS endpoint is used.` };
  }
}

export function readStsSettings(): StsSettings {
  const configuration = vscode.workspace.getConfiguration('iamSts');
  const region = configuration.get<string>('region', defaultStsRegion).trim();
  const minutes = configuration.get<number>('sessions.expiringSoonMinutes', 5);
  const { endpoint, problem } = userEndpoint(configuration);
  const oidc = userEndpoint(configuration, 'ssoOidcEndpoint');
  const portal = userEndpoint(configuration, 'ssoPortalEndpoint');
  const federation = userEndpoint(configuration, 'federationEndpoint');
  const problems = [problem, oidc.problem, portal.problem, federation.problem].filter(Boolean);
  return {
    region: regionPattern.test(region) ? region : defaultStsRegion,
    endpoint,
    endpointProblem: problems.length > 0 ? problems.join(' ') : undefined,
    expiringSoonMs: Math.max(0, Number.isFinite(minutes) ? minutes : 5) * 60_000,
    autoRefresh: configuration.get<boolean>('sessions.autoRefresh', true),
    persist: configuration.get<boolean>('sessions.persist', false),
    applyActiveSessionToTerminals: configuration.get<boolean>('terminal.applyActiveSession', false),
    whenSessionForgotten: configuration.get<string>('terminal.whenSessionForgotten') === 'close' ? 'close' : 'mark',
    ssoOidcEndpoint: oidc.endpoint,
    ssoPortalEndpoint: portal.endpoint,
    federationEndpoint: federation.endpoint,
    regionHints: configuration.get<boolean>('hints.regionAndEndpoint', true),
  };
}

export function affectsStsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return ['region', 'stsEndpoint', 'ssoOidcEndpoint', 'ssoPortalEndpoint', 'federationEndpoint', 'hints', 'sessions', 'terminal'].some((key) => event.affectsConfiguration(`iamSts.${key}`));
}
