// The command behind an embedded policy's code lens: a quick pick of that policy's findings;
// choosing one selects its range in the editor.
import * as vscode from 'vscode';
import { findingsArgsOf, planFindingsPick, type FindingRow } from './policyFindingsPick';

export async function showPolicyFindings(argument: unknown): Promise<void> {
  const args = findingsArgsOf(argument);
  if (!args || args.findings.length === 0) return;
  const plan = planFindingsPick(args);
  const picked = await vscode.window.showQuickPick<vscode.QuickPickItem & { row: FindingRow }>(
    plan.rows.map((row) => ({ label: row.label, description: row.description, detail: row.detail, row })),
    { title: plan.title, placeHolder: plan.placeHolder, matchOnDescription: true, matchOnDetail: true },
  );
  if (!picked) return;
  const { start, end } = picked.row.range;
  const selection = new vscode.Range(start.line, start.character, end.line, end.character);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(args.uri), { selection, preserveFocus: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
