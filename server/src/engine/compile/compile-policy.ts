// A policy model compiled into matchers once, then reused for every request: wildcard
// patterns are split and indexed, condition values parsed, variables located. Compiled
// policies are cached per model object, so a model that is re-parsed (a new document
// version) is compiled again and the old one is garbage-collected with its model.
import type { OffsetRange, PolicyModel, ScalarValue, Statement, StringListElement } from '../../policy/model';
import { compileArnPattern, type ArnPattern } from '../arn/arn-pattern';
import { parseOperatorName, type ParsedOperatorName } from '../conditions/registry';
import type { ValueRef } from '../types';
import { parseTemplate, staticParts, type Template } from '../variables/policy-variables';
import { compileGlob, type Glob } from '../../iam/wildcard';

export interface CompiledActionPattern {
  ref: ValueRef;
  glob: Glob;
}

/**
 * Action patterns grouped by service, so a request is matched only against its own service's
 * patterns. A pattern whose text before the first colon is plain ASCII (no `*` or `?`) can only
 * match an action with that same service (compared lower-cased); every other pattern is in
 * `anyService` and always tried.
 */
export interface ActionIndex {
  /** Positions in `patterns`, ascending. */
  byService: Map<string, number[]>;
  anyService: number[];
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
  /** `key` lower-cased once: context keys are case-insensitive. */
  lowerKey: string;
  range: OffsetRange;
  values: CompiledConditionValue[];
  /** Every well-formed prepared value, when no value holds a variable; else undefined (resolved per request). */
  staticValues: unknown[] | undefined;
}

export interface CompiledStatement {
  index: number;
  range: OffsetRange;
  sid: string | undefined;
  effect: 'Allow' | 'Deny' | 'invalid';
  action: { element: 'Action' | 'NotAction'; patterns: CompiledActionPattern[]; index: ActionIndex } | undefined;
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
    action: actionList && compileActions(st.action ? 'Action' : 'NotAction', actionList),
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
      const values: CompiledConditionValue[] = entry.values.map((v) => {
        const template = parseTemplate(v.text, substitutes);
        const prepared =
          operator.operator && !template.hasVariables ? operator.operator.prepare({ text: v.text, parts: staticParts(template) }) : undefined;
        return { ref: ref(v), template, prepared };
      });
      const allStatic = values.every((v) => !v.template.hasVariables);
      return {
        operator,
        key: entry.key.value,
        lowerKey: entry.key.value.toLowerCase(),
        range: { start: entry.key.range.start, end: entry.valuesRange.end },
        values,
        staticValues: allStatic ? values.filter((v) => v.prepared !== undefined).map((v) => v.prepared) : undefined,
      };
    }),
  };
}

function compileActions(element: 'Action' | 'NotAction', list: StringListElement): NonNullable<CompiledStatement['action']> {
  const patterns = stringValues(list).map((v) => ({ ref: ref(v), glob: compileGlob(v.text, true) }));
  const index: ActionIndex = { byService: new Map(), anyService: [] };
  for (let i = 0; i < patterns.length; i++) {
    const service = literalService(patterns[i].ref.value);
    if (service === undefined) {
      index.anyService.push(i);
      continue;
    }
    const positions = index.byService.get(service);
    if (positions) positions.push(i);
    else index.byService.set(service, [i]);
  }
  return { element, patterns, index };
}

const LITERAL_SERVICE = /^[\x00-\x29\x2b-\x39\x3b-\x3e\x40-\x7f]*:/;

/** The lower-cased service of an action pattern whose service part is plain ASCII without wildcards. */
export function literalService(pattern: string): string | undefined {
  const m = LITERAL_SERVICE.exec(pattern);
  return m ? m[0].slice(0, -1).toLowerCase() : undefined;
}

/** Only string entries take part in matching; a number or object in Action/Resource is a grammar error. */
function stringValues(list: StringListElement): ScalarValue[] {
  return list.values.filter((v) => v.jsonType === 'string');
}
