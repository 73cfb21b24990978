import type * as vscode from 'vscode';
import { rememberRoleArn } from './sessionInputs';

/**
 * Recently assumed role ARNs, in global state: ARNs only, never anything about credentials.
 * One list per API: a role assumed with AssumeRole is not offered to Assume Role with Web
 * Identity (Enter would assume the wrong role with an identity provider's token).
 */

export type RoleApi = 'AssumeRole' | 'AssumeRoleWithWebIdentity' | 'AssumeRoleWithSAML';

/** AssumeRole keeps the key it always had, so the list survives an update. */
export function recentRolesKey(api: RoleApi): string {
  return api === 'AssumeRole' ? 'iamSts.recentRoleArns' : `iamSts.recentRoleArns.${api}`;
}

export function recentRoleArns(state: Pick<vscode.Memento, 'get'>, api: RoleApi): string[] {
  const stored = state.get<unknown>(recentRolesKey(api));
  return Array.isArray(stored) ? stored.filter((arn): arn is string => typeof arn === 'string' && arn.startsWith('arn:')) : [];
}

export function rememberRecentRoleArn(state: Pick<vscode.Memento, 'get' | 'update'>, api: RoleApi, roleArn: string): Thenable<void> {
  return state.update(recentRolesKey(api), rememberRoleArn(recentRoleArns(state, api), roleArn));
}
