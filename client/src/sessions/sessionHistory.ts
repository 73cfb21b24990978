import type { StsSession } from './sessionRecord';

/**
 * A local history of the credentials issued from the editor: when, which API, for whom, how long,
 * from which profile and Region, and the request id for CloudTrail. Never a key, token or code:
 * an entry is built field by field from what is safe to keep. Bounded to the newest entries.
 */

export interface HistoryEntry {
  /** ISO time the credentials were issued. */
  at: string;
  event: 'issued' | 'refreshed';
  api: StsSession['api'];
  /** The assumed-role or federated-user ARN, else the role ARN. */
  arn?: string;
  sessionName?: string;
  account?: string;
  durationSeconds: number;
  sourceProfile?: string;
  region: string;
  requestId?: string;
  /** The session a role chain started from, by title. */
  chainedFrom?: string;
}

export const maxHistoryEntries = 500;

export function historyEntryOf(session: StsSession, event: HistoryEntry['event'], requestId?: string): HistoryEntry {
  return {
    at: session.issuedAt.toISOString(),
    event,
    api: session.api,
    arn: session.principalArn ?? session.roleArn,
    sessionName: session.sessionName,
    account: session.account,
    durationSeconds: Math.round((session.credentials.expiration.getTime() - session.issuedAt.getTime()) / 1000),
    sourceProfile: session.sourceProfile ?? session.profile,
    region: session.region,
    requestId,
    chainedFrom: session.chainedFrom?.title,
  };
}

const columns: Array<keyof HistoryEntry> = ['at', 'event', 'api', 'arn', 'sessionName', 'account', 'durationSeconds', 'sourceProfile', 'region', 'requestId', 'chainedFrom'];

function csvCell(value: unknown): string {
  const text = value === undefined ? '' : String(value);
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function historyCsv(entries: readonly HistoryEntry[]): string {
  return `${[columns.join(','), ...entries.map((entry) => columns.map((column) => csvCell(entry[column])).join(','))].join('\r\n')}\r\n`;
}

/** Keeps only known fields (what a file could hold beyond them is dropped), newest last, bounded. */
export function parseHistory(text: string | undefined): HistoryEntry[] {
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((entry): entry is HistoryEntry => typeof entry === 'object' && entry !== null && typeof (entry as HistoryEntry).at === 'string')
      .map((entry) => Object.fromEntries(columns.filter((column) => entry[column] !== undefined).map((column) => [column, entry[column]])) as unknown as HistoryEntry)
      .slice(-maxHistoryEntries);
  } catch {
    return [];
  }
}

export class SessionHistory {
  private entries: HistoryEntry[] = [];
  private writes: Promise<unknown> = Promise.resolve();
  private readonly listeners: Array<() => void> = [];

  constructor(
    private readonly storage: { read: () => Promise<string | undefined>; write: (text: string) => Promise<void> },
    private readonly limit = maxHistoryEntries,
  ) {}

  async load(): Promise<void> {
    this.entries = parseHistory(await this.storage.read().catch(() => undefined));
    this.changed();
  }

  list(): readonly HistoryEntry[] {
    return this.entries;
  }

  record(entry: HistoryEntry): Promise<unknown> {
    this.entries = [...this.entries, entry].slice(-this.limit);
    this.changed();
    const snapshot = JSON.stringify(this.entries);
    this.writes = this.writes.then(() => this.storage.write(snapshot)).catch(() => undefined);
    return this.writes;
  }

  clear(): Promise<unknown> {
    this.entries = [];
    this.changed();
    this.writes = this.writes.then(() => this.storage.write('[]')).catch(() => undefined);
    return this.writes;
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.push(listener);
    return { dispose: () => this.listeners.splice(this.listeners.indexOf(listener), 1) };
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
