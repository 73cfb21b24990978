/**
 * The terminals opened for a session ("Open Terminal with Session"), so that a refresh can say
 * which of them still hold the old credentials, and forgetting the session can mark or close
 * them. A terminal's environment is fixed when it starts: it cannot be updated in place.
 * Generic over the terminal type so the bookkeeping is tested without VS Code.
 */
interface Entry<T> {
  terminal: T;
  sessionId: string;
  /** The access key id the terminal was started with (an id, not a secret). */
  accessKeyId: string;
  /** The access key id a refresh notice was already shown for. */
  toldStaleFor?: string;
}

export class SessionTerminalRegistry<T> {
  private readonly entries: Entry<T>[] = [];

  opened(sessionId: string, terminal: T, accessKeyId: string): void {
    this.entries.push({ terminal, sessionId, accessKeyId });
  }

  closed(terminal: T): void {
    const at = this.entries.findIndex((e) => e.terminal === terminal);
    if (at >= 0) this.entries.splice(at, 1);
  }

  /** Terminals of the session that were started with other credentials than `accessKeyId`, each told once. */
  staleAfterRefresh(sessionId: string, accessKeyId: string): T[] {
    const stale = this.entries.filter((e) => e.sessionId === sessionId && e.accessKeyId !== accessKeyId && e.toldStaleFor !== accessKeyId);
    for (const e of stale) e.toldStaleFor = accessKeyId;
    return stale.map((e) => e.terminal);
  }

  /** The session's terminals, no longer tracked. */
  forgotten(sessionId: string): T[] {
    const mine = this.entries.filter((e) => e.sessionId === sessionId);
    for (const e of mine) this.closed(e.terminal);
    return mine.map((e) => e.terminal);
  }

  terminalsOf(sessionId: string): T[] {
    return this.entries.filter((e) => e.sessionId === sessionId).map((e) => e.terminal);
  }
}
