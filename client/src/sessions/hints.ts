import type { StsSession } from './sessionRecord';
import type { StsCallError } from './stsTypes';

/**
 * Hints that save an afternoon, from a failed call and the session that made it.
 * Version-1 session tokens from the global endpoint are refused in Regions that are not enabled
 * by default: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_region-endpoints.html
 */

/** Regions introduced after March 2019: disabled by default (opt-in). */
const optInRegions = new Set([
  'af-south-1', 'ap-east-1', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7',
  'ca-west-1', 'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1',
]);

export function isOptInRegion(region: string): boolean {
  return optInRegions.has(region);
}

export function cameFromGlobalEndpoint(session: Pick<StsSession, 'endpoint'>): boolean {
  if (!session.endpoint) return false;
  try {
    return new URL(session.endpoint).hostname === 'sts.amazonaws.com';
  } catch {
    return false;
  }
}

export type Hint = { kind: 'regionalEndpoint' | 'refresh'; message: string };

/** The hint for `error` from a call made with `session` in `region`, if one applies. */
export function hintFor(error: Pick<StsCallError, 'code'>, session: Pick<StsSession, 'endpoint'> | undefined, region: string, regionHints: boolean): Hint | undefined {
  if (!session) return undefined;
  if (error.code === 'ExpiredToken' || error.code === 'ExpiredTokenException') {
    return { kind: 'refresh', message: 'The session has expired: refresh it to get new credentials.' };
  }
  const authFailure = error.code === 'AuthFailure' || error.code === 'InvalidClientTokenId';
  if (regionHints && authFailure && cameFromGlobalEndpoint(session) && isOptInRegion(region)) {
    return {
      kind: 'regionalEndpoint',
      message:
        `The session came from the global endpoint sts.amazonaws.com, whose version-1 tokens are not valid in ${region} (a Region you opt in to). ` +
        `Use the regional endpoint https://sts.${region}.amazonaws.com, or set the account's global endpoint tokens to version 2.`,
    };
  }
  return undefined;
}
