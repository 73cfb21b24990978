// Lint results as SARIF 2.1.0, for code-scanning upload (GitHub and others).
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileResult } from './lint';

const LEVEL: Record<string, 'error' | 'warning' | 'note'> = {
  ERROR: 'error',
  SECURITY_WARNING: 'warning',
  WARNING: 'warning',
  SUGGESTION: 'note',
};

export function toSarif(results: readonly FileResult[], docUrl: (code: string) => string | undefined): object {
  const rules = new Map<string, { id: string; helpUri?: string; properties: { findingType: string } }>();
  const sarifResults = [];
  for (const r of results) {
    const uri = path.isAbsolute(r.file) ? pathToFileURL(r.file).href : r.file.split(path.sep).join('/');
    for (const f of r.findings) {
      if (!rules.has(f.code)) rules.set(f.code, { id: f.code, helpUri: docUrl(f.code), properties: { findingType: f.type } });
      sarifResults.push({
        ruleId: f.code,
        level: LEVEL[f.type] ?? 'warning',
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              // SARIF lines and columns are one-based.
              region: {
                startLine: f.range.start.line + 1,
                startColumn: f.range.start.character + 1,
                endLine: f.range.end.line + 1,
                endColumn: f.range.end.character + 1,
              },
            },
            // The policy inside a template or a .tf file, by the name scenarios use for it.
            ...(f.policy ? { logicalLocations: [{ name: f.policy, kind: 'object' }] } : {}),
          },
        ],
        properties: { findingType: f.type, documentKind: r.kind ?? r.policies?.find((p) => p.policy === f.policy)?.kind },
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'iam-sts-studio', informationUri: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html', rules: [...rules.values()] } },
        results: sarifResults,
      },
    ],
  };
}
