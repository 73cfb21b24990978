import type { Located, PolicyModel } from '../../policy/model';

/** Every Sid after the first with the same (non-empty) value. */
export function duplicateSids(model: PolicyModel): Located<string>[] {
  const seen = new Set<string>();
  const out: Located<string>[] = [];
  for (const st of model.statements) {
    const sid = st.sid;
    if (!sid || sid.node.type !== 'string' || sid.value === '') continue;
    if (seen.has(sid.value)) out.push(sid);
    else seen.add(sid.value);
  }
  return out;
}
