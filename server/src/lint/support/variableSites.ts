// Every string value in which a policy variable could appear, with the element it sits in.
import type { PolicyModel, ScalarValue } from '../../policy/model';
import { parseOperator, type ParsedOperator } from '../../iam/condition-operators';
import { memoize } from './memo';
import { findVariables, isEscapeVariable, type VariableUse } from './variables';

export type VariableElement = 'Resource' | 'NotResource' | 'Condition' | 'Action' | 'NotAction' | 'Principal' | 'NotPrincipal';

export interface VariableSite {
  value: ScalarValue;
  element: VariableElement;
  operator?: ParsedOperator;
  variables: VariableUse[];
}

export const variableSites = memoize(computeVariableSites);

function computeVariableSites(model: PolicyModel): VariableSite[] {
  const out: VariableSite[] = [];
  const add = (value: ScalarValue, element: VariableElement, operator?: ParsedOperator) => {
    if (value.jsonType !== 'string' || !value.text.includes('${')) return;
    out.push({ value, element, operator, variables: findVariables(value.text) });
  };
  for (const st of model.statements) {
    for (const v of st.resource?.values ?? []) add(v, 'Resource');
    for (const v of st.notResource?.values ?? []) add(v, 'NotResource');
    for (const v of st.action?.values ?? []) add(v, 'Action');
    for (const v of st.notAction?.values ?? []) add(v, 'NotAction');
    for (const e of st.principal?.entries ?? []) add(e.value, 'Principal');
    for (const e of st.notPrincipal?.entries ?? []) add(e.value, 'NotPrincipal');
    for (const e of st.condition?.entries ?? []) {
      const op = parseOperator(e.operator.value);
      for (const v of e.values) add(v, 'Condition', op);
    }
  }
  return out;
}

/** Variables proper (not the `${*}` escapes). */
export function realVariables(site: VariableSite): VariableUse[] {
  return site.variables.filter((v) => !(v.closed && isEscapeVariable(v.inner)));
}
