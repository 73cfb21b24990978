import type { StsSession } from '../sessions/sessionRecord';
import { Emitter, type Disposable } from '../sessions/emitter';
import type { SessionStore } from '../sessions/sessionStore';

/**
 * Which session is "in use": the one the status bar shows and new terminals receive. A newly
 * issued session becomes the one in use (that is why the user asked for it); when the one in
 * use is forgotten, the most recently added remaining session takes over.
 */
export class ActiveSessionTracker implements Disposable {
  private activeId: string | undefined;
  private readonly changes = new Emitter<StsSession | undefined>();
  private readonly subscription: Disposable;

  constructor(private readonly store: SessionStore, initialId?: string) {
    this.activeId = initialId && store.get(initialId) ? initialId : store.list().at(-1)?.id;
    this.subscription = store.onDidChange((change) => {
      if (change.kind === 'added') {
        this.select(change.session.id);
      } else if (change.kind === 'removed' && change.session.id === this.activeId) {
        this.select(store.list().at(-1)?.id);
      } else if (change.kind === 'updated' && change.session.id === this.activeId) {
        // Refreshed credentials of the session in use: terminals need the new ones.
        this.notify();
      }
    });
  }

  get session(): StsSession | undefined {
    return this.activeId ? this.store.get(this.activeId) : undefined;
  }

  /** Puts a session in use; an id the store does not hold is ignored, undefined clears it. */
  select(id: string | undefined): void {
    if (id !== undefined && !this.store.get(id)) {
      return;
    }
    const next = id;
    if (next === this.activeId) {
      return;
    }
    this.activeId = next;
    this.notify();
  }

  onDidChange(listener: (session: StsSession | undefined) => void): Disposable {
    return this.changes.on(listener);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changes.clear();
  }

  private notify(): void {
    this.changes.fire(this.session);
  }
}
