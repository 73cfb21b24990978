// `"key": []` under an operator: what it means depends on the operator, so Access Analyzer
// has one check per case.
import type { ConditionEntry, PolicyModel } from '../../policy/model';
import { parseOperator } from '../../iam/condition-operators';

export type EmptyConditionCode =
  | 'EMPTY_ARRAY_CONDITION'
  | 'EMPTY_ARRAY_CONDITION_FORALLVALUES'
  | 'EMPTY_ARRAY_CONDITION_FORANYVALUE'
  | 'EMPTY_ARRAY_CONDITION_IFEXISTS';

export function emptyConditionEntries(model: PolicyModel, code: EmptyConditionCode): ConditionEntry[] {
  const out: ConditionEntry[] = [];
  for (const st of model.statements) {
    for (const e of st.condition?.entries ?? []) {
      if (!e.valuesIsArray || e.values.length > 0) continue;
      const op = parseOperator(e.operator.value);
      const which: EmptyConditionCode = op?.qualifier === 'ForAllValues'
        ? 'EMPTY_ARRAY_CONDITION_FORALLVALUES'
        : op?.qualifier === 'ForAnyValue'
          ? 'EMPTY_ARRAY_CONDITION_FORANYVALUE'
          : op?.ifExists
            ? 'EMPTY_ARRAY_CONDITION_IFEXISTS'
            : 'EMPTY_ARRAY_CONDITION';
      if (which === code) out.push(e);
    }
  }
  return out;
}
