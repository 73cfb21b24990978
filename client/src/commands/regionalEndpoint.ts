import * as vscode from 'vscode';
import type { StsSession } from '../sessions/sessionRecord';
import { sessionTitle } from '../views/sessionPresentation';

/**
 * The action of the version-1 token hint: the user's STS endpoint becomes the regional one (its
 * tokens are version 2, valid in every Region) and the session is issued again there.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_region-endpoints.html
 */
export async function useRegionalEndpointAndReissue(
  deps: { setStsEndpoint: (endpoint: string) => Promise<void>; refresh: (sessionId: string) => Promise<void>; log: (line: string) => void },
  session: StsSession,
  endpoint: string,
): Promise<void> {
  await deps.setStsEndpoint(endpoint);
  deps.log(`IAM STS: iamSts.stsEndpoint is now ${endpoint} (regional: version-2 session tokens); issuing ${sessionTitle(session)} again there.`);
  void vscode.window.showInformationMessage(`IAM STS: STS calls now go to ${endpoint}; ${sessionTitle(session)} is issued again there.`);
  await deps.refresh(session.id);
}
