// `iamSts.chooseDocumentKind`: a quick pick of the seven kinds plus "Detect automatically".
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { documentInfoRequest } from '../../../server/src/protocol';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../server/src/policy/model';
import type { KindChoices } from './kindChoices';
import { KIND_DESCRIPTIONS, KIND_LABELS } from './kindLabels';

interface KindItem extends vscode.QuickPickItem {
  documentKind: DocumentKind | null;
}

export const DETECT_LABEL = 'Detect automatically';

export async function chooseDocumentKind(client: LanguageClient, choices: KindChoices, onChosen: () => void): Promise<DocumentKind | null | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Open an IAM policy to choose its kind.');
    return undefined;
  }
  const uri = editor.document.uri.toString();
  const info = await client.sendRequest(documentInfoRequest, { uri }).catch(() => undefined);
  if (!info?.kind) {
    void vscode.window.showInformationMessage('This file is not an IAM policy (a JSON object with a "Statement").');
    return undefined;
  }
  const chosen = choices.all()[uri];
  const items: KindItem[] = [
    { label: DETECT_LABEL, description: chosen ? '' : `current: ${KIND_LABELS[info.kind]}`, detail: 'From the iamSts.documentKinds setting, the file name, then the content', documentKind: null },
    ...DOCUMENT_KINDS.map((k): KindItem => ({
      label: KIND_LABELS[k],
      description: chosen === k ? 'current' : '',
      detail: KIND_DESCRIPTIONS[k],
      documentKind: k,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'IAM policy kind', placeHolder: 'Validate this file as…' });
  if (!picked) return undefined;
  await choices.set(uri, picked.documentKind);
  onChosen();
  return picked.documentKind;
}
