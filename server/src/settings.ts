// The server's view of the `iamSts.*` settings, with defaults for clients that send none.
import { readCriticalAccess, type AccessToCheck } from './features/accessChecks';
import type { SeverityOverride } from './features/diagnostics';
import { DEFAULT_MAX_FILE_SIZE } from './policy/analyze';
import type { DocumentKind } from './policy/model';

export interface ServerSettings {
  maxFileSize: number;
  ownAccounts: string[];
  /** glob → kind, first match wins. */
  documentKinds: Record<string, DocumentKind>;
  /** Diagnostic code → severity override or 'off'. */
  diagnostics: Record<string, SeverityOverride>;
  /** iamSts.criticalAccess: access no policy may grant, checked as you type. */
  criticalAccess: AccessToCheck[];
}

export const defaultSettings: ServerSettings = {
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  ownAccounts: [],
  documentKinds: {},
  diagnostics: {},
  criticalAccess: [],
};

export function readSettings(raw: unknown): ServerSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof ServerSettings, unknown>>;
  return {
    maxFileSize: typeof s.maxFileSize === 'number' && s.maxFileSize > 0 ? s.maxFileSize : DEFAULT_MAX_FILE_SIZE,
    ownAccounts: Array.isArray(s.ownAccounts) ? s.ownAccounts.filter((a): a is string => typeof a === 'string') : [],
    documentKinds: isRecord(s.documentKinds) ? (s.documentKinds as Record<string, DocumentKind>) : {},
    diagnostics: isRecord(s.diagnostics) ? (s.diagnostics as Record<string, SeverityOverride>) : {},
    criticalAccess: readCriticalAccess(s.criticalAccess),
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
