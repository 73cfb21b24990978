// "Simulate Request…": one request evaluated against the open policy, used as the kind of
// policy it is. A guard rail (boundary, session policy, SCP, RCP) grants nothing alone, so it is
// evaluated beside an identity policy assumed to allow everything, and the result says so.
import { type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { evaluate } from '../engine';
import type { EvaluationRequest, LabeledPolicy, PolicySet } from '../engine/types';
import type { DocumentKind, PolicyModel } from '../policy/model';
import { policyModelFromObject } from '../policy/parse';
import { simulateRequestRequest, simulationDefaultsRequest, type SimulateRequestResult, type SimulationDefaults } from '../protocol';
import { runSafe, type Logger } from '../runSafe';
import { explanationText } from '../scenarioWorkspace';
import { TextPositions, toExplanationText } from './simulationResults';

export interface SimulationRequestDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  logger: Logger;
  /** The policy a request is simulated against: the document's policy (its first, in a template). */
  policyOf: (document: TextDocument) => Promise<{ model: PolicyModel; kind: DocumentKind } | undefined>;
}

export const ASSUMED_IDENTITY_LABEL = 'assumed identity policy (allows everything)';

export function registerSimulationRequests(deps: SimulationRequestDeps): void {
  const { connection, documents, logger } = deps;

  async function policyOf(uri: string): Promise<{ document: TextDocument; model: PolicyModel; kind: DocumentKind } | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const policy = await deps.policyOf(document);
    return policy ? { document, ...policy } : undefined;
  }

  connection.onRequest(simulationDefaultsRequest, (params, token) =>
    runSafe(logger, 'simulationDefaults', null, token, async () => {
      const policy = await policyOf(params.uri);
      return policy ? simulationDefaults(policy.model, policy.kind) : null;
    }),
  );

  connection.onRequest(simulateRequestRequest, (params, token) =>
    runSafe(logger, 'simulateRequest', null, token, async (): Promise<SimulateRequestResult | null> => {
      const policy = await policyOf(params.uri);
      if (!policy) return null;
      const label = baseName(params.uri);
      const request: EvaluationRequest = { principal: params.principal, action: params.action, resource: params.resource, context: params.context };
      const { set, role, assumptions } = policySetFor({ model: policy.model, label }, policy.kind);
      const result = evaluate(request, set);
      // Only the open policy has a file: the assumed identity policy is located nowhere.
      const text = explanationText(request, result.decision, result.explanation, (ref) => (ref.label === label ? { file: params.uri, model: policy.model } : undefined));
      const positions = new TextPositions(new Map([[params.uri, policy.document.getText()]]));
      return { decision: result.decision, role, assumptions, explanation: toExplanationText(text, positions, (uri) => uri) };
    }),
  );
}

export function simulationDefaults(model: PolicyModel, kind: DocumentKind): SimulationDefaults {
  const actions: string[] = [];
  const resources: string[] = [];
  const principals: string[] = [];
  const add = (list: string[], value: string) => {
    if (value && !list.includes(value)) list.push(value);
  };
  for (const st of model.statements) {
    for (const v of st.action?.values ?? []) if (v.jsonType === 'string') add(actions, v.text);
    for (const v of st.resource?.values ?? []) if (v.jsonType === 'string') add(resources, v.text);
    for (const e of st.principal?.entries ?? []) if (e.value.jsonType === 'string') add(principals, e.value.text);
  }
  return { kind, actions, resources, principals };
}

export function policySetFor(policy: LabeledPolicy, kind: DocumentKind): { set: PolicySet; role: string; assumptions: string[] } {
  const allowAll: LabeledPolicy = {
    model: policyModelFromObject({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] })!,
    label: ASSUMED_IDENTITY_LABEL,
  };
  const guardRail = (what: string) => [`The caller's identity policies are assumed to allow everything, so the decision shows what ${what} lets through.`];
  switch (kind) {
    case 'identity':
      return { set: { identity: [policy] }, role: 'identity policy', assumptions: [] };
    case 'resource':
    case 'trust':
      return {
        set: { resource: policy },
        role: kind === 'trust' ? 'role trust policy' : 'resource policy',
        assumptions: [
          "The caller's own identity policies are not part of this simulation: where AWS also needs them to allow (cross-account, or a policy that names only the account), the result is an implicit deny.",
        ],
      };
    case 'boundary':
      return { set: { identity: [allowAll], boundary: policy }, role: 'permissions boundary', assumptions: guardRail('this permissions boundary') };
    case 'session':
      return { set: { identity: [allowAll], session: policy }, role: 'session policy', assumptions: guardRail('this session policy') };
    case 'scp':
      return { set: { identity: [allowAll], scp: [[policy]] }, role: 'service control policy (the only level)', assumptions: guardRail('this SCP') };
    case 'rcp':
      return { set: { identity: [allowAll], rcp: [[policy]] }, role: 'resource control policy (the only level)', assumptions: guardRail('this RCP') };
  }
}

function baseName(uri: string): string {
  try {
    const p = URI.parse(uri).path;
    return p.slice(p.lastIndexOf('/') + 1) || uri;
  } catch {
    return uri;
  }
}
