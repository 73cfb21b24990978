// Every engine case file (test/fixtures/engine) asked of the oracle too. Each case states what
// AWS decides and cites the AWS page it follows, so a disagreement is classified by that page:
// the oracle's answer against the documented one. Cases the oracle has no input for (how the
// credentials were issued, the management account) are listed as not compared.
import { evaluate } from '../../server/src/engine';
import { arnAccount } from '../../server/src/iam/arn';
import { caseInputs, fixtureFiles, readFixture, type FixtureFile } from '../../test/unit/engine/fixture-cases';
import type { Disagreement } from './disagreement-classes';
import { isVerdict, oracleDecision, type RunSimulation } from './oracle';

type Json = Record<string, any>;

export interface FixtureComparison {
  file: string;
  name: string;
  page: string;
  expected: string;
  oracle: string;
  /** What the classes look at. */
  classifyAs: Disagreement;
}

export interface FixtureReport {
  compared: number;
  agreed: number;
  disagreements: FixtureComparison[];
  oracleRejected: FixtureComparison[];
  notCompared: Array<{ file: string; name: string; why: string }>;
}

const asPolicy = (p: unknown, version = '2012-10-17'): unknown => (Array.isArray(p) ? { Version: version, Statement: p } : p);

/** The oracle's simulation for one case, or why it cannot express it. */
function simulationFor(fixture: Json, c: Json, anonymous: unknown): { simulation: unknown; expected: string } | { why: string } {
  if ('pattern' in c || 'arnPattern' in c) return { why: 'a wildcard or ARN-pattern case: no request' };
  let request: Json;
  let policies: Json;
  let options: Json;
  let expected: string;
  if ('condition' in c) {
    request = { principal: c.principal ?? 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key', context: c.context };
    policies = { identity: [asPolicy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: c.condition }], c.version ?? '2012-10-17')] };
    options = { now: c.now };
    expected = c.expected === true ? 'allowed' : 'implicitDeny';
  } else {
    request = { ...(fixture.defaults?.request ?? {}), ...(c.request ?? {}) };
    policies = { ...(fixture.defaults?.policies ?? {}), ...(c.policies ?? {}) };
    options = { ...(fixture.defaults?.options ?? {}), ...(c.options ?? {}) };
    expected = String(c.expected);
  }
  if (request.credentials) return { why: 'the oracle has no input for how the credentials were issued (GetSessionToken, MFA, federation)' };
  if (options.managementAccountId) return { why: 'the oracle has no input for the organisation\'s management account' };
  const principal: string = request.principal;
  const callerAccount = arnAccount(principal) ?? /^\d{12}$/.exec(principal.split(':')[4] ?? '')?.[0];
  const accountId = request.resourceAccount ?? arnAccount(request.resource) ?? callerAccount ?? '111122223333';
  // The oracle takes the request context as given; AWS fills the keys that follow from the
  // caller and the clock (aws:username, aws:PrincipalArn, aws:CurrentTime …), as our engine
  // does. Give the oracle the full context our engine used, so the two judge the same request.
  const inputs = caseInputs(fixture as unknown as FixtureFile, c)!;
  const contextVariables = evaluate(inputs.request, inputs.policies, inputs.options).explanation.context;
  const org = (levels: unknown[][] | undefined) =>
    (levels ?? []).map((level, i) => ({ orgIdentifier: `level-${i + 1}`, policies: level.map((p, j) => ({ name: `policy-${i + 1}-${j + 1}`, policy: asPolicy(p) })) }));
  const resource = policies.resource ?? policies.trust;
  const simulation = {
    request: {
      principal: principal.trim() === '*' || principal.trim().toLowerCase() === 'anonymous' ? anonymous : principal,
      action: request.action,
      resource: { resource: request.resource, accountId },
      contextVariables,
    },
    identityPolicies: ((policies.identity ?? []) as unknown[]).map((p, i) => ({ name: `identity-${i + 1}`, policy: asPolicy(p) })),
    serviceControlPolicies: org(policies.scp),
    resourceControlPolicies: org(policies.rcp),
    ...(resource ? { resourcePolicy: asPolicy(resource) } : {}),
    ...(policies.boundary ? { permissionBoundaryPolicies: [{ name: 'boundary', policy: asPolicy(policies.boundary) }] } : {}),
    ...(policies.session ? { sessionPolicy: asPolicy(policies.session) } : {}),
  };
  return { simulation, expected };
}

export async function compareFixtures(runSimulation: RunSimulation, anonymous: unknown): Promise<FixtureReport> {
  const report: FixtureReport = { compared: 0, agreed: 0, disagreements: [], oracleRejected: [], notCompared: [] };
  for (const file of fixtureFiles()) {
    const fixture = readFixture(file) as unknown as Json;
    for (const c of fixture.cases as Json[]) {
      const made = simulationFor(fixture, c, anonymous);
      const page = String(c.source ?? fixture.source);
      if ('why' in made) {
        if (!('pattern' in c || 'arnPattern' in c)) report.notCompared.push({ file, name: c.name, why: made.why });
        continue;
      }
      let oracle: string;
      try {
        oracle = oracleDecision(await runSimulation(made.simulation, {}));
      } catch (e) {
        oracle = `error: ${(e as Error).message.slice(0, 160)}`;
      }
      const request = { ...(fixture.defaults?.request ?? {}), ...(c.request ?? {}) };
      const classifyAs: Disagreement = {
        file,
        action: String(request.action ?? 's3:GetObject'),
        resource: String(request.resource ?? ''),
        policyText: JSON.stringify({ ...(fixture.defaults?.policies ?? {}), ...(c.policies ?? {}), condition: c.condition }),
        fixtureCase: { ...c, source: page },
      };
      const row = { file, name: String(c.name), page, expected: made.expected, oracle, classifyAs };
      if (!isVerdict(oracle)) {
        report.oracleRejected.push(row);
        continue;
      }
      report.compared++;
      if (oracle === made.expected) report.agreed++;
      else report.disagreements.push(row);
    }
  }
  return report;
}
