// A policy model compiled into matchers once, then reused for every request: wildcard
// patterns are split and indexed, condition values parsed, variables located. Compiled
// policies are cached per model object, so a model that is re-parsed (a new document
// version) is compiled again and the old one is garbage-collected with its model.
import type { OffsetRange, PolicyModel, ScalarValue, Statement, StringListElement } from '../../policy/model';
import { compileArnPattern, type ArnPattern } from '../arn/arn-pattern';
import { parseOperatorName, type ParsedOperatorName } from '../conditions/registry';
import type { ValueRef } from '../types';
import { parseTemplate, staticParts, type Template } from '../variables/policy-variables';
import { compileGlob, type Glob } from '../wildcard/glob';

export interface CompiledActionPattern {
  ref: ValueRef;
  glob: Glob;
}

export interface CompiledResourcePattern {
  ref: ValueRef;
  template: Template;
  /** Compiled once when the pattern holds no variables. */
  pattern: ArnPattern | undefined;
}

export interface CompiledPrincipalEntry {
  ref: ValueRef;
  /** `*` for the bare-string form `"Principal": "*"`. */
  kind: string;
}

export interface CompiledConditionValue {
  ref: ValueRef;
  template: Template;
  /** The operator's prepared value when the text holds no variables; undefined if malformed. */
  prepared: unknown;
}

export interface CompiledCondition {
  operator: ParsedOperatorName;
  key: string;
  range: OffsetRange;
  values: CompiledConditionValue[];
}

export interface CompiledStatement {
  index: number;
  range: OffsetRange;
  sid: string | undefined;
  effect: 'Allow' | 'Deny' | 'invalid';
  action: { element: 'Action' | 'NotAction'; patterns: CompiledActionPattern[] } | undefined;
  resource: { element: 'Resource' | 'NotResource'; patterns: CompiledResourcePattern[] } | undefined;
  principal: { element: 'Principal' | 'NotPrincipal'; entries: CompiledPrincipalEntry[] } | undefined;
  conditions: CompiledCondition[];
}

export interface CompiledPolicy {
  model: PolicyModel;
  range: OffsetRange;
  /** Only "2012-10-17" substitutes policy variables; a missing Version means 2008-10-17. */
  variablesEnabled: boolean;
  statements: CompiledStatement[];
}

const cache = new WeakMap<PolicyModel, CompiledPolicy>();

export function compilePolicy(model: PolicyModel): CompiledPolicy {
  let compiled = cache.get(model);
  if (!compiled) {
    compiled = buildCompiledPolicy(model);
    cache.set(model, compiled);
  }
  return compiled;
}

function buildCompiledPolicy(model: PolicyModel): CompiledPolicy {
  const variablesEnabled = model.version?.value === '2012-10-17';
  return {
    model,
    range: model.range,
    variablesEnabled,
    statements: model.statements.map((s) => compileStatement(s, variablesEnabled)),
  };
}

function ref(value: ScalarValue): ValueRef {
  return { value: value.text, range: value.range };
}

function compileStatement(st: Statement, variablesEnabled: boolean): CompiledStatement {
  const effect = st.effect?.value === 'Allow' || st.effect?.value === 'Deny' ? st.effect.value : 'invalid';
  const actionList = st.action ?? st.notAction;
  const resourceList = st.resource ?? st.notResource;
  const principalBlock = st.principal ?? st.notPrincipal;
  return {
    index: st.index,
    range: st.range,
    sid: st.sid?.value || undefined,
    effect,
    action: actionList && {
      element: st.action ? 'Action' : 'NotAction',
      patterns: stringValues(actionList).map((v) => ({ ref: ref(v), glob: compileGlob(v.text, true) })),
    },
    resource: resourceList && {
      element: st.resource ? 'Resource' : 'NotResource',
      patterns: stringValues(resourceList).map((v) => {
        const template = parseTemplate(v.text, variablesEnabled);
        return { ref: ref(v), template, pattern: template.hasVariables ? undefined : compileArnPattern(staticParts(template)) };
      }),
    },
    principal: principalBlock && {
      element: st.principal ? 'Principal' : 'NotPrincipal',
      entries: principalBlock.entries.map((e) => ({ ref: ref(e.value), kind: e.kind })),
    },
    conditions: (st.condition?.entries ?? []).map((entry) => {
      const operator = parseOperatorName(entry.operator.value);
      const substitutes = variablesEnabled && operator.operator?.acceptsVariables === true;
      return {
        operator,
        key: entry.key.value,
        range: { start: entry.key.range.start, end: entry.valuesRange.end },
        values: entry.values.map((v) => {
          const template = parseTemplate(v.text, substitutes);
          const prepared =
            operator.operator && !template.hasVariables
              ? operator.operator.prepare({ text: v.text, parts: staticParts(template) })
              : undefined;
          return { ref: ref(v), template, prepared };
        }),
      };
    }),
  };
}

/** Only string entries take part in matching; a number or object in Action/Resource is a grammar error. */
function stringValues(list: StringListElement): ScalarValue[] {
  return list.values.filter((v) => v.jsonType === 'string');
}
