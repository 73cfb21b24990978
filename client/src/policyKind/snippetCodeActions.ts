// Language client middleware: quick fixes that select a placeholder become snippet edits
// (see snippetFix.ts for why), so they never depend on a client command being reachable.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { clientCommands } from '../../../server/src/protocol';
import { applyOffsetEdits, offsetAtPosition, planSnippetFix, type OffsetEdit } from './snippetFix';

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export const snippetCodeActionsMiddleware: Middleware = {
  async provideCodeActions(document, range, context, token, next) {
    const actions = await next(document, range, context, token);
    if (!actions) return actions;
    return actions.map((a) => (a instanceof vscode.CodeAction ? asSnippetAction(document, a) : a));
  },
};

function asSnippetAction(document: vscode.TextDocument, action: vscode.CodeAction): vscode.CodeAction {
  const command = action.command;
  if (!action.edit || command?.command !== clientCommands.selectRange) return action;
  const [uri, select] = (command.arguments ?? []) as [string, LspRange];
  if (uri === undefined || select === undefined || vscode.Uri.parse(uri).toString() !== document.uri.toString()) return action;
  const entries = action.edit.entries();
  if (entries.length !== 1 || entries[0][0].toString() !== document.uri.toString()) return action;
  const text = document.getText();
  const edits: OffsetEdit[] = entries[0][1].map((e) => ({
    start: document.offsetAt(e.range.start),
    end: document.offsetAt(e.range.end),
    newText: e.newText,
  }));
  const edited = applyOffsetEdits(text, edits);
  const plan = planSnippetFix(edits, { start: offsetAtPosition(edited, select.start), end: offsetAtPosition(edited, select.end) });
  if (!plan) return action;
  const rangeOf = (start: number, end: number) => new vscode.Range(document.positionAt(start), document.positionAt(end));
  const snippet = new vscode.SnippetString().appendText(plan.snippet.before).appendPlaceholder(plan.snippet.placeholder).appendText(plan.snippet.after);
  const snippetEdit = new vscode.SnippetTextEdit(rangeOf(plan.snippet.start, plan.snippet.end), snippet);
  // The fix's text is already indented for its place; VS Code would indent its lines again.
  (snippetEdit as vscode.SnippetTextEdit & { keepWhitespace?: boolean }).keepWhitespace = true;
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, [...plan.plain.map((e) => new vscode.TextEdit(rangeOf(e.start, e.end), e.newText)), snippetEdit]);
  action.edit = edit;
  action.command = undefined;
  return action;
}
