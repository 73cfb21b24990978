import * as vscode from 'vscode';
import { redactSecrets } from '../sessions/redact';
import type { StsCallError } from '../sessions/stsTypes';
import { looksLikeTrustPolicyOf } from './sessionInputs';

/**
 * Shows a failed STS call as one message (stsErrors.ts already words the cause and the fix),
 * with the request id for AWS support. An AccessDenied from AssumeRole offers to open the role's
 * trust policy when the workspace holds a file that looks like it.
 */

const openTrustPolicy = 'Open Trust Policy';
const maxTrustCandidates = 200;

/** `*trust*.json` files of the workspace whose text names the role. */
export async function findTrustPolicyFiles(roleArn: string): Promise<vscode.Uri[]> {
  const candidates = await vscode.workspace.findFiles('**/*{trust,Trust,TRUST}*.json', '**/node_modules/**', maxTrustCandidates);
  const matches: vscode.Uri[] = [];
  for (const uri of candidates) {
    try {
      const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
      if (looksLikeTrustPolicyOf(uri.path, text, roleArn)) {
        matches.push(uri);
      }
    } catch {
      // Unreadable files are simply not offered.
    }
  }
  return matches;
}

function messageOf(error: StsCallError): string {
  const requestId = error.requestId ? ` (request ${error.requestId})` : '';
  const code = error.cause === 'invalid-input' ? '' : `${error.code}: `;
  return redactSecrets(`IAM STS: ${code}${error.message}${requestId}`);
}

export async function showStsError(error: StsCallError, output: vscode.OutputChannel, roleArn?: string): Promise<void> {
  const message = messageOf(error);
  output.appendLine(message);
  const isRoleDenied = error.code === 'AccessDenied' && error.operation === 'AssumeRole' && roleArn !== undefined;
  const trustFiles = isRoleDenied ? await findTrustPolicyFiles(roleArn) : [];
  if (trustFiles.length === 0) {
    void vscode.window.showErrorMessage(message);
    return;
  }
  const choice = await vscode.window.showErrorMessage(message, openTrustPolicy);
  if (choice !== openTrustPolicy) {
    return;
  }
  let target = trustFiles[0];
  if (trustFiles.length > 1) {
    const picked = await vscode.window.showQuickPick(
      trustFiles.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
      { title: `Trust policies that mention ${roleArn}` },
    );
    if (!picked) {
      return;
    }
    target = picked.uri;
  }
  await vscode.window.showTextDocument(target);
}
