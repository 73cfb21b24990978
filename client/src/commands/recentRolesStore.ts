import type * as vscode from 'vscode';
import { rememberRecentRoleArn, recentRoleArns, type RoleApi } from './recentRoles';

/** The recently assumed roles of global state, per API (see recentRoles.ts). */
export class RecentRoles {
  constructor(private readonly state: vscode.Memento) {}

  list(api: RoleApi): string[] {
    return recentRoleArns(this.state, api);
  }

  remember(api: RoleApi, roleArn: string): void {
    void rememberRecentRoleArn(this.state, api, roleArn);
  }
}
