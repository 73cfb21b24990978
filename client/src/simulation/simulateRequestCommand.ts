// "IAM STS: Simulate Request…": action, resource, principal and context in quick inputs, the
// server evaluates the request against the active policy, the result opens beside it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { simulateRequestRequest, simulationDefaultsRequest, type SimulateRequestParams } from '../../../server/src/protocol';
import { formatContextPairs, parseContextPairs, type ContextPairs } from './contextPairs';
import type { SimulationResultView } from './explanationView';
import { defaultInputs } from './requestDefaults';

export const SIMULATE_REQUEST_COMMAND = 'iamSts.simulateRequest';

/** The last inputs per policy, so a second simulation starts from the first. */
const lastInputs = new Map<string, Omit<SimulateRequestParams, 'uri'>>();

export async function simulateRequest(client: LanguageClient, view: SimulationResultView): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('Simulate Request: open an IAM policy first.');
    return;
  }
  const uri = editor.document.uri.toString();
  const defaults = await client.sendRequest(simulationDefaultsRequest, { uri });
  if (!defaults) {
    void vscode.window.showWarningMessage(`Simulate Request: ${path.basename(editor.document.uri.path)} is not an IAM policy (no "Statement").`);
    return;
  }
  const previous = lastInputs.get(uri);
  const prefill = previous ?? { ...defaultInputs(defaults), context: {} as ContextPairs };
  const steps = 4;
  const action = await ask(1, steps, 'Action', 'The action to request, service:Name (e.g. s3:GetObject).', prefill.action, (v) =>
    /^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/.test(v.trim()) ? undefined : 'An action is service:Name, e.g. s3:GetObject.',
  );
  if (action === undefined) return;
  const resource = await ask(2, steps, 'Resource', 'The resource ARN (or * for actions without a resource).', prefill.resource, (v) =>
    v.trim() === '*' || v.trim().startsWith('arn:') ? undefined : 'A resource is an ARN (arn:partition:service:region:account:resource) or *.',
  );
  if (resource === undefined) return;
  const principal = await ask(3, steps, 'Principal', 'Who calls: an IAM user, role or role-session ARN, a service principal (ec2.amazonaws.com) or *.', prefill.principal, (v) =>
    v.trim() ? undefined : 'Give a principal, e.g. arn:aws:iam::111122223333:role/Dev.',
  );
  if (principal === undefined) return;
  const contextText = await ask(4, steps, 'Context (optional)', 'Condition keys as key=value, separated by commas; repeat a key for a list. E.g. aws:SourceIp=10.1.2.3, aws:SecureTransport=true', formatContextPairs(prefill.context), (v) => parseContextPairs(v).error);
  if (contextText === undefined) return;

  const params: SimulateRequestParams = { uri, action: action.trim(), resource: resource.trim(), principal: principal.trim(), context: parseContextPairs(contextText).context };
  lastInputs.set(uri, { action: params.action, resource: params.resource, principal: params.principal, context: params.context });
  const result = await client.sendRequest(simulateRequestRequest, params);
  if (!result) {
    void vscode.window.showWarningMessage('Simulate Request: the policy could not be evaluated (is it still open and a policy?).');
    return;
  }
  view.show(params, result, vscode.workspace.asRelativePath(editor.document.uri));
}

function ask(step: number, totalSteps: number, what: string, prompt: string, value: string, validate: (v: string) => string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    const input = vscode.window.createInputBox();
    input.title = `Simulate Request: ${what}`;
    input.step = step;
    input.totalSteps = totalSteps;
    input.prompt = prompt;
    input.value = value;
    input.ignoreFocusOut = true;
    let done = false;
    const finish = (v: string | undefined) => {
      if (done) return;
      done = true;
      resolve(v);
      input.dispose();
    };
    input.onDidChangeValue((v) => (input.validationMessage = validate(v)));
    input.onDidAccept(() => {
      const message = validate(input.value);
      if (message) input.validationMessage = message;
      else finish(input.value);
    });
    input.onDidHide(() => finish(undefined));
    input.show();
  });
}
