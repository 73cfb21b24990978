import type * as vscode from 'vscode';
import { rememberRoleArn } from './sessionInputs';

/** Recently assumed role ARNs, in global state: ARNs only, never anything about credentials. */

const recentRolesKey = 'iamSts.recentRoleArns';

export function recentRoleArns(state: vscode.Memento): string[] {
  const stored = state.get<unknown>(recentRolesKey);
  return Array.isArray(stored) ? stored.filter((arn): arn is string => typeof arn === 'string' && arn.startsWith('arn:')) : [];
}

export function rememberRecentRoleArn(state: vscode.Memento, roleArn: string): Thenable<void> {
  return state.update(recentRolesKey, rememberRoleArn(recentRoleArns(state), roleArn));
}
