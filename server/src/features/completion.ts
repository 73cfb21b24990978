// Completion: element names, values, actions, operators and condition keys, as LSP items.
import {
  Command,
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  TextEdit,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
} from 'vscode-languageserver';
import { regionAt } from '../analysis/region';
import { policyDocumentAround } from '../analysis/writers/hclNames';
import { hclDocumentWriter } from '../analysis/writers/hclWriter';
import type { IamData } from '../data/iamData';
import type { AnalyzedDocument } from '../documentStore';
import { completionsAt, completionsForSlot, type CandidateKind } from '../explain/completions';
import { slotForCompletionInTree } from '../explain/slots';

const ITEM_KINDS: Record<CandidateKind, CompletionItemKind> = {
  element: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  service: CompletionItemKind.Module,
  action: CompletionItemKind.Function,
  operator: CompletionItemKind.Operator,
  key: CompletionItemKind.Field,
  principal: CompletionItemKind.Reference,
};

export function completionFor(analyzed: AnalyzedDocument, params: CompletionParams, data: IamData, snippetSupport: boolean): CompletionList | null {
  const { analysis, textDocument } = analyzed;
  const offset = textDocument.offsetAt(params.position);
  const region = regionAt(analysis, offset);
  const text = textDocument.getText();
  // Names of a Terraform policy document, also while the half-typed line leaves no parse of it.
  const document = analysis.host === 'terraform' && (!region || region.writer === hclDocumentWriter) ? policyDocumentAround(text, offset) : undefined;
  const names = document && hclDocumentWriter.nameCompletions?.(text, offset, document);
  if (names) {
    const range = { start: textDocument.positionAt(names.replace.start), end: textDocument.positionAt(names.replace.end) };
    return {
      isIncomplete: false,
      items: names.items.map((n, i) => ({
        label: n.label,
        kind: n.form === 'block' ? CompletionItemKind.Struct : CompletionItemKind.Property,
        detail: n.detail,
        sortText: String(i).padStart(2, '0'),
        textEdit: TextEdit.replace(range, snippetSupport ? n.snippet : n.plain),
        insertTextFormat: snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      })),
    };
  }
  if (!region) return null;
  const input = { text, offset, ...(region.locator !== undefined ? { policyRange: region.hostRange } : {}), root: region.root, model: region.model, kind: region.kind, data };
  let result;
  if (region.syntax === 'json') result = completionsAt(input);
  else {
    // YAML and HCL: from the policy's tree. Values only in HCL, whose keys are not JSON's.
    const slot = slotForCompletionInTree(region.root, text, offset);
    result = slot && !(region.syntax === 'hcl' && (slot.hasColon || slot.slot.slot.endsWith('Key') || slot.slot.slot === 'principalType' || slot.slot.slot === 'conditionOperator')) ? completionsForSlot(slot, input) : undefined;
  }
  if (!result) return null;
  const range = { start: textDocument.positionAt(result.replace.start), end: textDocument.positionAt(result.replace.end) };
  const items = result.items.map((c): CompletionItem => ({
    label: c.label,
    kind: ITEM_KINDS[c.kind],
    ...(c.detail ? { detail: c.detail } : {}),
    ...(c.documentation ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } } : {}),
    filterText: c.filterText,
    ...(c.sortText ? { sortText: c.sortText } : {}),
    textEdit: TextEdit.replace(range, snippetSupport ? c.snippet : c.plain),
    insertTextFormat: snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // A service prefix is only half an action: ask again for its actions.
    ...(c.retrigger && snippetSupport ? { command: Command.create('Suggest actions', 'editor.action.triggerSuggest') } : {}),
  }));
  return { isIncomplete: false, items };
}
