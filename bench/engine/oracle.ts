// The oracle (@cloud-copilot/iam-simulate, a devDependency, AGPL: called, never copied) and how
// its answer reads as one of our decisions.
import type { Decision } from '../../server/src/engine';

const ORACLE = '@cloud-copilot/iam-simulate';

export type RunSimulation = (simulation: unknown, options: unknown) => Promise<any>;

export async function loadOracle(): Promise<{ runSimulation: RunSimulation; anonymous: unknown } | undefined> {
  try {
    const mod = (await import(ORACLE)) as { runSimulation?: RunSimulation; anonymousPrincipal?: unknown };
    return mod.runSimulation ? { runSimulation: mod.runSimulation, anonymous: mod.anonymousPrincipal ?? { type: 'Anonymous' } } : undefined;
  } catch {
    return undefined;
  }
}

export const ORACLE_NAME = ORACLE;

/** Our decision name, or `error: …` / `unknown: …` when the oracle refused or said something else. */
export function oracleDecision(result: any): Decision | string {
  if (result?.resultType === 'error') return `error: ${JSON.stringify(result.errors ?? result).slice(0, 160)}`;
  // `overallResult` is "Allowed", "ExplicitlyDenied" or "ImplicitlyDenied".
  const verdict: unknown = result?.overallResult ?? result?.result?.analysis?.result;
  if (typeof verdict !== 'string') return `error: ${JSON.stringify(result?.errors ?? result).slice(0, 160)}`;
  const v = verdict.toLowerCase();
  if (v.includes('explicit')) return 'explicitDeny';
  if (v.includes('implicit')) return 'implicitDeny';
  if (v.includes('allow')) return 'allowed';
  return `unknown: ${verdict}`;
}

export function isVerdict(v: string): v is Decision {
  return v === 'allowed' || v === 'explicitDeny' || v === 'implicitDeny';
}
