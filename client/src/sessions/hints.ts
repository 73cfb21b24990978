import regions from './data/regions.json';
import type { StsSession } from './sessionRecord';
import type { StsCallError } from './stsTypes';

/**
 * Hints that save an afternoon, from a failed call (or a use about to fail) and the session.
 * The global endpoint sts.amazonaws.com issues version-1 session tokens unless the account set
 * its global endpoint tokens to version 2 (iam:SetSecurityTokenServicePreferences); version-1
 * tokens are refused in opt-in Regions, with InvalidClientTokenId (AuthFailure from EC2).
 * Regional endpoints issue version-2 tokens, valid in every Region.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_region-endpoints.html
 * The opt-in Regions are data (data/regions.json), checked against the SDK's Region list.
 */

const optInRegions: ReadonlyMap<string, string> = new Map(Object.entries(regions.optIn));

export function isOptInRegion(region: string): boolean {
  return optInRegions.has(region);
}

/** "Asia Pacific (Hong Kong)" for ap-east-1; the code itself for a Region not in the data. */
export function regionName(region: string): string {
  return optInRegions.get(region) ?? region;
}

export function cameFromGlobalEndpoint(session: Pick<StsSession, 'endpoint'>): boolean {
  if (!session.endpoint) return false;
  try {
    return new URL(session.endpoint).hostname === 'sts.amazonaws.com';
  } catch {
    return false;
  }
}

/** The regional STS endpoint of a Region of the aws partition. */
export function regionalEndpointOf(region: string): string {
  return `https://sts.${region}.amazonaws.com`;
}

export type Hint =
  | { kind: 'refresh'; message: string }
  /** `endpoint`: the regional endpoint to re-issue the session at. */
  | { kind: 'regionalEndpoint'; message: string; endpoint: string };

const version2Command = 'aws iam set-security-token-service-preferences --global-endpoint-token-version v2Token';

function version1Message(region: string, issuingRegion: string, what: string): string {
  return (
    `${what}: the session came from the global endpoint sts.amazonaws.com, whose version-1 tokens are not valid in ${region} ` +
    `(${regionName(region)}, a Region you opt in to). Re-issue it at the regional endpoint ${regionalEndpointOf(issuingRegion)} (its tokens are valid in every Region), ` +
    `or have an administrator set the account's global endpoint tokens to version 2 (\`${version2Command}\`).`
  );
}

/** The hint for `error` from a call made with `session` in `region`, if one applies. */
export function hintFor(error: Pick<StsCallError, 'code'>, session: Pick<StsSession, 'endpoint' | 'region'> | undefined, region: string, regionHints: boolean): Hint | undefined {
  if (!session) return undefined;
  if (error.code === 'ExpiredToken' || error.code === 'ExpiredTokenException') {
    return { kind: 'refresh', message: 'The session has expired: refresh it to get new credentials.' };
  }
  const authFailure = error.code === 'AuthFailure' || error.code === 'InvalidClientTokenId';
  if (regionHints && authFailure && cameFromGlobalEndpoint(session) && isOptInRegion(region)) {
    return { kind: 'regionalEndpoint', message: version1Message(region, session.region, 'This is likely why'), endpoint: regionalEndpointOf(session.region) };
  }
  return undefined;
}

/**
 * Before a session's credentials leave for a terminal or a file with AWS_REGION set: a
 * global-endpoint session in an opt-in Region will be refused there, so say it now.
 */
export function version1TokenWarning(session: Pick<StsSession, 'endpoint' | 'region' | 'api'>, regionHints: boolean): Hint | undefined {
  // IAM Identity Center credentials come from the portal, not from an STS endpoint.
  if (!regionHints || session.api === 'GetRoleCredentials' || !cameFromGlobalEndpoint(session) || !isOptInRegion(session.region)) return undefined;
  return {
    kind: 'regionalEndpoint',
    message: version1Message(session.region, session.region, `AWS_REGION is ${session.region} but the session will likely be refused there`),
    endpoint: regionalEndpointOf(session.region),
  };
}
