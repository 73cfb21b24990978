// The bench's request set: concrete requests aimed at the statements of the shared policy
// corpus, and how our engine is called on them. Shared by compare.ts and profiling drivers.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluate, type Decision, type EvaluationRequest } from '../../server/src/engine';
import { parsePolicyText } from '../../server/src/policy/parse';
import type { PolicyModel } from '../../server/src/policy/model';

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
export const PRINCIPAL = 'arn:aws:iam::111122223333:user/alice';
export const ACCOUNT = '111122223333';
export const NOW = new Date('2025-06-01T12:00:00Z');
export const CONTEXT = { 'aws:SourceIp': '10.0.0.1', 'aws:SecureTransport': 'true', 'aws:RequestedRegion': 'us-east-1' };

export interface Case {
  file: string;
  text: string;
  model: PolicyModel;
  request: EvaluationRequest;
}

/** Concrete requests aimed at each policy's own statements: wildcards filled in, variables left out. */
export function buildBenchCases(limit: number): Case[] {
  const cases: Case[] = [];
  for (const folder of ['identity-docs', 'managed']) {
    const dir = path.join(CORPUS, folder);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      if (cases.length >= limit * 3) return cases;
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const model = parsePolicyText(text).model;
      if (!model) continue;
      let made = 0;
      for (const st of model.statements) {
        if (made >= 3) break;
        const action = st.action?.values.find((v) => v.jsonType === 'string' && !/[*?]/.test(v.text))?.text;
        if (!action) continue;
        const rawResource = st.resource?.values.find((v) => v.jsonType === 'string' && !v.text.includes('${'))?.text ?? '*';
        const resource = rawResource === '*' ? '*' : concreteArn(rawResource);
        cases.push({ file: `${folder}/${file}`, text, model, request: { principal: PRINCIPAL, action, resource, resourceAccount: ACCOUNT, context: CONTEXT } });
        made++;
      }
    }
  }
  return cases;
}

/** A concrete ARN for a pattern: a real Region and account where the pattern has wildcards there. */
function concreteArn(pattern: string): string {
  const parts = pattern.split(':');
  if (parts.length < 6) return pattern.replace(/\*/g, 'example').replace(/\?/g, 'x');
  const fill = (part: string, value: string) => (/[*?]/.test(part) ? value : part);
  parts[3] = fill(parts[3], 'us-east-1');
  parts[4] = fill(parts[4], ACCOUNT);
  const head = parts.slice(0, 5).join(':');
  const rest = parts.slice(5).join(':').replace(/\*/g, 'example').replace(/\?/g, 'x');
  return `${head}:${rest}`;
}

/** Our decision; `explain: false` skips the per-statement explanation. */
export function evaluateOurs(c: Case, explain: boolean): Decision {
  return evaluate(c.request, { identity: [{ model: c.model, label: c.file }] }, { now: NOW, explain }).decision;
}
