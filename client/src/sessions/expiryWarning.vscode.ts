import * as vscode from 'vscode';
import { formatTimeLeft } from './countdown';
import { defaultRefreshLeadTimeMs } from './refreshScheduler';
import type { StsSession } from './sessionRecord';
import type { StsSettings } from './stsSettings.vscode';
import { sessionTitle } from '../views/sessionPresentation';

/**
 * When a session turns "expiring soon": offer to refresh it, unless it will refresh itself
 * before it expires (auto refresh on, no failed refresh, and the lead time covers the warning).
 */
export async function offerRefreshBeforeExpiry(session: StsSession, settings: StsSettings, refresh: (sessionId: string) => Promise<void>): Promise<void> {
  const refreshesItself = settings.autoRefresh && !session.lastRefreshError && settings.expiringSoonMs <= defaultRefreshLeadTimeMs;
  if (refreshesItself) return;
  const action = 'Refresh';
  const choice = await vscode.window.showWarningMessage(
    `IAM STS: ${sessionTitle(session)} expires soon (${formatTimeLeft(session.credentials.expiration, Date.now())}).`,
    action,
  );
  if (choice === action) {
    await refresh(session.id);
  }
}
