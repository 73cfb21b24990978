// The kinds the user picked for files, remembered per workspace and sent to the server.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { kindChoiceNotification } from '../../../server/src/protocol';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../server/src/policy/model';

const STATE_KEY = 'iamSts.documentKindChoices';

export class KindChoices {
  constructor(
    private readonly state: vscode.Memento,
    private readonly client: LanguageClient,
  ) {}

  all(): Record<string, DocumentKind> {
    const stored = this.state.get<Record<string, unknown>>(STATE_KEY, {});
    // Workspace state outlives versions of the extension: keep only kinds the server knows.
    return Object.fromEntries(Object.entries(stored).filter((e): e is [string, DocumentKind] => DOCUMENT_KINDS.includes(e[1] as DocumentKind)));
  }

  async set(uri: string, kind: DocumentKind | null): Promise<void> {
    const next = { ...this.all() };
    if (kind) next[uri] = kind;
    else delete next[uri];
    await this.state.update(STATE_KEY, next);
    await this.send(uri, kind);
  }

  /** Sends every remembered choice; the server forgets them when it restarts. */
  async sendAll(): Promise<void> {
    for (const [uri, kind] of Object.entries(this.all())) await this.send(uri, kind);
  }

  private async send(uri: string, kind: DocumentKind | null): Promise<void> {
    if (this.client.state !== State.Running) return; // sent again once it runs
    await this.client.sendNotification(kindChoiceNotification, { uri, kind });
  }
}
