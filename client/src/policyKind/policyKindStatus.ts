// The status-bar item that says which kind of policy the active editor holds; a click picks another.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { documentInfoRequest, type DocumentInfo } from '../../../server/src/protocol';
import { KIND_LABELS } from './kindLabels';

export const CHOOSE_KIND_COMMAND = 'iamSts.chooseDocumentKind';

export class PolicyKindStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('iamSts.policyKind', vscode.StatusBarAlignment.Right, 100);
  /** Answers arrive out of order when the user switches editors quickly; only the latest counts. */
  private generation = 0;

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'IAM policy kind';
    this.item.command = CHOOSE_KIND_COMMAND;
  }

  async refresh(): Promise<DocumentInfo | undefined> {
    const generation = ++this.generation;
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.client.isRunning()) {
      this.item.hide();
      return undefined;
    }
    let info: DocumentInfo | undefined;
    try {
      info = await this.client.sendRequest(documentInfoRequest, { uri: editor.document.uri.toString() });
    } catch {
      info = undefined;
    }
    if (generation !== this.generation) return info;
    if (!info?.kind) {
      this.item.hide();
      return info;
    }
    const how = info.kindSource === 'choice' ? 'chosen by you' : 'detected from the file name and content';
    this.item.text = `IAM: ${KIND_LABELS[info.kind]}`;
    this.item.tooltip = `This file is validated as a ${KIND_LABELS[info.kind]} (${how}). Click to choose another kind.`;
    this.item.show();
    return info;
  }

  dispose(): void {
    this.item.dispose();
  }
}
