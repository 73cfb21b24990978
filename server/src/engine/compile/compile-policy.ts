// A policy model compiled into matchers once, then reused for every request: wildcard
// patterns are split and indexed, condition values parsed, variables located. Compiled
// policies are kept on their model object (attachedMemo), so a model that is re-parsed (a new
// document version) is compiled again and the old one is garbage-collected with its model. What each
// pattern compiles to is shared through bounded caches keyed by its text (pattern-cache.ts), so
// recompiling an edited policy costs little more than the patterns that changed.
import type { OffsetRange, PolicyModel, ScalarValue, Statement, StringListElement } from '../../policy/model';
import { compileArnPattern, type ArnPattern } from '../arn/arn-pattern';
import { parseOperatorName, type ParsedOperatorName } from '../conditions/registry';
import type { ValueRef } from '../types';
import { parseTemplate, staticParts, type Template } from '../variables/policy-variables';
import { compileGlob, type Glob } from '../../iam/wildcard';
import { BoundedCache } from './pattern-cache';
import { attachedMemo } from '../../policy/attachedMemo';

export interface CompiledActionPattern {
  ref: ValueRef;
  /** Looked up on first match (`actionGlob`): a request tries only its own service's patterns. */
  glob: Glob | undefined;
}

/** The pattern's matcher, from the shared cache the first time it is asked for. */
export function actionGlob(p: CompiledActionPattern): Glob {
  return (p.glob ??= actionGlobs.get(p.ref.value, compileActionGlob));
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
  /**
   * The statements that can apply to an action of this (lower-cased) service, in policy order:
   * those whose Action names the service or a pattern that may match any service, and every
   * NotAction statement. The others cannot apply, so a decision need not look at them.
   */
  candidates(lowerService: string | undefined): readonly CompiledStatement[];
}

export const compilePolicy: (model: PolicyModel) => CompiledPolicy = attachedMemo('compiled policy', buildCompiledPolicy);

function buildCompiledPolicy(model: PolicyModel): CompiledPolicy {
  const variablesEnabled = model.version?.value === '2012-10-17';
  const statements = model.statements.map((s) => compileStatement(s, variablesEnabled));
  return { model, range: model.range, variablesEnabled, statements, candidates: candidateIndex(statements) };
}

/** Candidate statements per service (see `CompiledPolicy.candidates`), each list made on first use. */
function candidateIndex(statements: readonly CompiledStatement[]): CompiledPolicy['candidates'] {
  const always: CompiledStatement[] = [];
  const byService = new Map<string, CompiledStatement[]>();
  for (const st of statements) {
    // No action element or no valid effect: the statement never applies.
    if (!st.action || st.effect === 'invalid') continue;
    if (st.action.element === 'NotAction' || st.action.index.anyService.length > 0) {
      always.push(st);
      continue;
    }
    for (const service of st.action.index.byService.keys()) {
      const list = byService.get(service);
      if (list) list.push(st);
      else byService.set(service, [st]);
    }
  }
  const merged = new Map<string, readonly CompiledStatement[]>();
  return (lowerService) => {
    if (lowerService === undefined) return always;
    let list = merged.get(lowerService);
    if (!list) {
      const own = byService.get(lowerService);
      list = own ? mergeByIndex(always, own) : always;
      merged.set(lowerService, list);
    }
    return list;
  };
}

function mergeByIndex(a: readonly CompiledStatement[], b: readonly CompiledStatement[]): CompiledStatement[] {
  const out: CompiledStatement[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i].index < b[j].index) ? a[i++] : b[j++]);
  return out;
}

/** Room for every pattern of the largest managed policies several times over. */
const CACHE_LIMIT = 10_000;
const actionGlobs = new BoundedCache<Glob>(CACHE_LIMIT);
const resourcePatterns = new BoundedCache<{ template: Template; pattern: ArnPattern | undefined }>(CACHE_LIMIT);
const conditionValues = new BoundedCache<{ template: Template; prepared: unknown }>(CACHE_LIMIT);
const operatorNames = new BoundedCache<ParsedOperatorName>(1_000);

/** Keys of the variable-aware caches: how the text is read, then the text. */
const VARIABLES = '1\u0000';
const LITERAL = '0\u0000';

function compileResource(key: string): { template: Template; pattern: ArnPattern | undefined } {
  const template = parseTemplate(key.slice(2), key.startsWith(VARIABLES));
  return { template, pattern: template.hasVariables ? undefined : compileArnPattern(staticParts(template)) };
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
        const { template, pattern } = resourcePatterns.get((variablesEnabled ? VARIABLES : LITERAL) + v.text, compileResource);
        return { ref: ref(v), template, pattern };
      }),
    },
    principal: principalBlock && {
      element: st.principal ? 'Principal' : 'NotPrincipal',
      entries: principalBlock.entries.map((e) => ({ ref: ref(e.value), kind: e.kind })),
    },
    conditions: (st.condition?.entries ?? []).map((entry) => {
      const operator = operatorNames.get(entry.operator.value, parseOperatorName);
      const op = operator.operator;
      const substitutes = variablesEnabled && op?.acceptsVariables === true;
      const values: CompiledConditionValue[] = entry.values.map((v) => {
        // Keyed by the operator too: it decides what a value is prepared into.
        const { template, prepared } = conditionValues.get(`${substitutes ? VARIABLES : LITERAL}${op?.name ?? ''}\u0000${v.text}`, () => {
          const template = parseTemplate(v.text, substitutes);
          return { template, prepared: op && !template.hasVariables ? op.prepare({ text: v.text, parts: staticParts(template) }) : undefined };
        });
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
  const patterns: CompiledActionPattern[] = stringValues(list).map((v) => ({ ref: ref(v), glob: undefined }));
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

function compileActionGlob(pattern: string): Glob {
  return compileGlob(pattern, true);
}

/** The lower-cased service of an action pattern whose service part is plain ASCII without wildcards. */
export function literalService(pattern: string): string | undefined {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === 0x3a /* : */) return pattern.slice(0, i).toLowerCase();
    if (c === 0x2a /* * */ || c === 0x3f /* ? */ || c > 0x7f) return undefined;
  }
  return undefined;
}

/** Only string entries take part in matching; a number or object in Action/Resource is a grammar error. */
function stringValues(list: StringListElement): ScalarValue[] {
  return list.values.filter((v) => v.jsonType === 'string');
}
