// Resource and NotResource compared between statements, pattern against pattern (ARNs are
// case-sensitive). https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
import { patternContains, patternsMayOverlap } from './patterns';
import type { CheckStatement } from './statements';

export type ResourceCell = { kind: 'pattern'; pattern: string } | { kind: 'allBut'; patterns: string[] };

export function resourceCells(st: CheckStatement): ResourceCell[] {
  if (st.resources.not) return [{ kind: 'allBut', patterns: st.resources.patterns }];
  if (st.resources.patterns.includes('*')) return [{ kind: 'pattern', pattern: '*' }];
  return st.resources.patterns.map((pattern) => ({ kind: 'pattern', pattern }));
}

/** Every resource of `cell` is named by the statement's Resource / NotResource. */
export function statementCoversResources(st: CheckStatement, cell: ResourceCell): boolean {
  if (!st.resources.not) {
    if (cell.kind === 'pattern') return st.resources.patterns.some((q) => patternContains(q, cell.pattern));
    return st.resources.patterns.includes('*');
  }
  if (cell.kind === 'pattern') return st.resources.patterns.every((q) => !patternsMayOverlap(q, cell.pattern));
  return st.resources.patterns.every((q) => cell.patterns.some((p) => patternContains(p, q)));
}

/** Some resource of `cell` may be named by the statement. */
export function statementMayMeetResources(st: CheckStatement, cell: ResourceCell): boolean {
  if (cell.kind === 'allBut') return true;
  if (!st.resources.not) return st.resources.patterns.some((q) => patternsMayOverlap(q, cell.pattern));
  return !st.resources.patterns.some((q) => patternContains(q, cell.pattern));
}

export function describeResourceCell(cell: ResourceCell): string {
  return cell.kind === 'pattern' ? cell.pattern : `every resource but ${cell.patterns.join(', ')}`;
}
