// Quick fixes for our diagnostics, built from the FixData each finding carries.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { regionAt } from '../analysis/region';
import type { AnalyzedDocument } from '../documentStore';
import { applyEdits, fixesFor, type FixPlan } from '../explain/quickFixes';
import type { FixData } from '../lint/types';
import { clientCommands } from '../protocol';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export function codeActionsFor(analyzed: AnalyzedDocument, params: CodeActionParams): CodeAction[] {
  const { analysis, textDocument } = analyzed;
  if (analysis.regions.length === 0) return [];
  if (params.context.only && !params.context.only.some((k) => k === CodeActionKind.QuickFix || k.startsWith(`${CodeActionKind.QuickFix}.`))) return [];
  const text = textDocument.getText();
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isFixData(diagnostic.data)) continue;
    const range = { start: textDocument.offsetAt(diagnostic.range.start), end: textDocument.offsetAt(diagnostic.range.end) };
    const region = regionAt(analysis, range.start);
    if (!region) continue;
    for (const plan of fixesFor({ text, model: region.model, range, data: diagnostic.data, writer: region.writer })) actions.push(toCodeAction(textDocument, text, plan, diagnostic));
  }
  return actions;
}

function toCodeAction(doc: TextDocument, text: string, plan: FixPlan, diagnostic: Diagnostic): CodeAction {
  const action: CodeAction = { title: plan.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
  if (plan.preferred) action.isPreferred = true;
  if (plan.edits.length > 0) {
    action.edit = {
      changes: {
        [doc.uri]: plan.edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText })),
      },
    };
  }
  if (plan.clientAction) {
    action.command = { title: 'Add to iamSts.ownAccounts', command: clientCommands.addOwnAccount, arguments: [plan.clientAction.account] };
  } else if (plan.select) {
    // vscode-languageclient 9 has no SnippetTextEdit: the client selects the placeholder after the edit applies.
    const edited = TextDocument.create(doc.uri, doc.languageId, doc.version + 1, applyEdits(text, plan.edits));
    const range = { start: edited.positionAt(plan.select.start), end: edited.positionAt(plan.select.end) };
    action.command = { title: 'Select the placeholder', command: clientCommands.selectRange, arguments: [doc.uri, range] };
  }
  return action;
}

function isFixData(data: unknown): data is FixData {
  return typeof data === 'object' && data !== null && typeof (data as { fix?: unknown }).fix === 'string';
}
