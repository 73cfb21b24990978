// A policy model compiled into matchers once, then reused for every request: wildcard
// patterns are split and indexed, condition values parsed, variables located. Compiled
// policies are kept on their model object (attachedMemo), so a model that is re-parsed (a new
// document version) is compiled again and the old one is garbage-collected with its model. What each
// pattern compiles to is shared through bounded caches keyed by its text (pattern-cache.ts), so
// recompiling an edited policy costs little more than the patterns that changed.
import type { ConditionEntry, OffsetRange, PolicyModel, PrincipalEntry as PolicyPrincipalEntry, ScalarValue, Statement, StringListElement } from '../../policy/model';
import { youngArray } from '../../policy/youngArray';
import { compileArnPattern, type ArnPattern } from '../arn/arn-pattern';
import { parseOperatorName, type ParsedOperatorName } from '../conditions/registry';
import type { ValueRef } from '../types';
import { parseTemplate, staticParts, type Template } from '../variables/policy-variables';
import { compileGlob, globMatchesFolded, type Glob } from '../../iam/wildcard';
import { BoundedCache } from './pattern-cache';
import { attachedMemo } from '../../policy/attachedMemo';

export interface CompiledActionPattern {
  /** The pattern as written. */
  readonly value: ScalarValue;
  readonly ref: ValueRef;
  /**
   * True for a pattern of ASCII characters without `*` or `?` (most of them): it matches by a
   * case-insensitive comparison, with no glob compiled or looked up (the corpus names more
   * distinct actions than the glob cache keeps, so caching them churned it on every edit).
   */
  literal: boolean;
  /** Looked up on first match (`actionGlob`): a request tries only its own service's patterns. */
  glob: Glob | undefined;
}

/** The pattern's matcher, from the shared cache the first time it is asked for. */
export function actionGlob(p: CompiledActionPattern): Glob {
  return (p.glob ??= actionGlobs.get(p.value.text, compileActionGlob));
}

/**
 * Action patterns grouped by service, so a request is matched only against its own service's
 * patterns. A pattern whose text before the first colon is plain ASCII (no `*` or `?`) can only
 * match an action with that same service (compared lower-cased); every other pattern is in
 * `anyService` and always tried. Each service's positions are found when a request first asks
 * for that service (compared in place, without a lower-cased copy of each pattern's service).
 */
export interface ActionIndex {
  /** Positions of the patterns that may match any service, ascending. */
  readonly anyService: readonly number[];
  /**
   * The patterns whose literal service is `lowerService`: their positions in `patterns`, ascending,
   * while a plain walk of them is as cheap as a table (a short list, or a service asked for the
   * first time: a policy evaluated once, as on an edit, is not worth the table); after that, split
   * for lookup (the ASCII literals by their lower-cased text, the rest in order).
   */
  ownPatterns(lowerService: string | undefined): ServicePatterns | readonly number[];
}

export interface ServicePatterns {
  /** Lower-cased literal text → its positions, ascending. */
  literals: Map<string, number[]>;
  /** The positions of the other patterns (with wildcards or non-ASCII), ascending. */
  others: readonly number[];
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
  action: CompiledActions | undefined;
  resource: { element: 'Resource' | 'NotResource'; patterns: CompiledResourcePattern[] } | undefined;
  principal: { element: 'Principal' | 'NotPrincipal'; entries: CompiledPrincipalEntry[] } | undefined;
  conditions: CompiledCondition[];
}

/** An Action or NotAction element; its patterns are compiled as a request first tries them (`actionPatternAt`). */
export interface CompiledActions {
  element: 'Action' | 'NotAction';
  /** The string values, in order (numbers and objects never match). */
  values: readonly ScalarValue[];
  /** `values[i]` compiled, once tried. */
  patterns: Array<CompiledActionPattern | undefined>;
  index: ActionIndex;
}

export function actionPatternAt(action: CompiledActions, i: number): CompiledActionPattern {
  let p = action.patterns[i];
  if (!p) {
    const value = action.values[i];
    p = new ActionPattern(value, isAsciiLiteral(value.text));
    action.patterns[i] = p;
  }
  return p;
}

export interface CompiledPolicy {
  model: PolicyModel;
  range: OffsetRange;
  /** Only "2012-10-17" substitutes policy variables; a missing Version means 2008-10-17. */
  variablesEnabled: boolean;
  /** Every statement, compiled when first asked for (an explained evaluation reads them all). */
  readonly statements: readonly CompiledStatement[];
  /**
   * The statements that can apply to an action of this (lower-cased) service, in policy order:
   * those whose Action names the service or a pattern that may match any service, and every
   * NotAction statement. The others cannot apply, so a decision need not look at them, nor
   * compile them.
   */
  candidates(lowerService: string | undefined): readonly CompiledStatement[];
}

export const compilePolicy: (model: PolicyModel) => CompiledPolicy = attachedMemo('compiled policy', (model) => new LazyCompiledPolicy(model));

/**
 * Statements are compiled one by one as a request first needs them: a policy edited on every
 * keystroke is asked about one action, which names one service, and a managed policy of a
 * hundred statements has a handful for that service.
 */
class LazyCompiledPolicy implements CompiledPolicy {
  readonly range: OffsetRange;
  readonly variablesEnabled: boolean;
  readonly #compiled: Array<CompiledStatement | undefined>;
  #all: CompiledStatement[] | undefined;
  readonly #byService = new Map<string | undefined, readonly CompiledStatement[]>();

  constructor(readonly model: PolicyModel) {
    this.range = model.range;
    this.variablesEnabled = model.version?.value === '2012-10-17';
    const compiled = youngArray<CompiledStatement | undefined>();
    for (let i = 0; i < model.statements.length; i++) compiled.push(undefined);
    this.#compiled = compiled;
  }

  get statements(): readonly CompiledStatement[] {
    if (!this.#all) {
      const all = youngArray<CompiledStatement>();
      for (let i = 0; i < this.model.statements.length; i++) all.push(this.#statement(i));
      this.#all = all;
    }
    return this.#all;
  }

  candidates(lowerService: string | undefined): readonly CompiledStatement[] {
    let list = this.#byService.get(lowerService);
    if (!list) {
      const out = youngArray<CompiledStatement>();
      const statements = this.model.statements;
      for (let i = 0; i < statements.length; i++) if (mayApply(statements[i], lowerService)) out.push(this.#statement(i));
      list = out;
      this.#byService.set(lowerService, list);
    }
    return list;
  }

  #statement(i: number): CompiledStatement {
    return (this.#compiled[i] ??= compileStatement(this.model.statements[i], this.variablesEnabled));
  }
}

/**
 * Whether a statement can apply to an action of `lowerService`, read from the model without
 * compiling it: it has a valid effect and either NotAction, or an Action pattern whose literal
 * service (see `literalService`) is `lowerService` or that may match any service.
 */
function mayApply(st: Statement, lowerService: string | undefined): boolean {
  const effect = st.effect?.value;
  if (effect !== 'Allow' && effect !== 'Deny') return false;
  if (!st.action) return st.notAction !== undefined;
  const values = st.action.values;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v.jsonType === 'string' && serviceMatch(v.text, lowerService) !== OTHER_SERVICE) return true;
  }
  return false;
}

const ANY_SERVICE = 0;
const SAME_SERVICE = 1;
const OTHER_SERVICE = 2;

/** `literalService(pattern)` compared with `lowerService`, without making the lower-cased string. */
function serviceMatch(pattern: string, lowerService: string | undefined): number {
  let colon = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === 0x3a /* : */) {
      colon = i;
      break;
    }
    if (c === 0x2a /* * */ || c === 0x3f /* ? */ || c > 0x7f) return ANY_SERVICE;
  }
  if (colon < 0) return ANY_SERVICE;
  if (lowerService === undefined || colon !== lowerService.length) return OTHER_SERVICE;
  for (let i = 0; i < colon; i++) {
    let c = pattern.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20; // ASCII A-Z: the prefix is ASCII (checked above)
    if (c !== lowerService.charCodeAt(i)) return OTHER_SERVICE;
  }
  return SAME_SERVICE;
}

/** Room for every pattern of the largest managed policies several times over. */
const CACHE_LIMIT = 10_000;
const actionGlobs = new BoundedCache<Glob>(CACHE_LIMIT);
/** Resource patterns read with policy variables (2012-10-17) and without. */
const resourcePatterns = new BoundedCache<{ template: Template; pattern: ArnPattern | undefined }>(CACHE_LIMIT);
const literalResourcePatterns = new BoundedCache<{ template: Template; pattern: ArnPattern | undefined }>(CACHE_LIMIT);
const conditionValues = new BoundedCache<{ template: Template; prepared: unknown }>(CACHE_LIMIT);
const operatorNames = new BoundedCache<ParsedOperatorName>(1_000);

/** Keys of the variable-aware caches: how the text is read, then the text. */
const VARIABLES = '1\u0000';
const LITERAL = '0\u0000';

function compileResourceWithVariables(text: string): { template: Template; pattern: ArnPattern | undefined } {
  return compileResource(text, true);
}

function compileLiteralResource(text: string): { template: Template; pattern: ArnPattern | undefined } {
  return compileResource(text, false);
}

function compileResource(text: string, variables: boolean): { template: Template; pattern: ArnPattern | undefined } {
  const template = parseTemplate(text, variables);
  return { template, pattern: template.hasVariables ? undefined : compileArnPattern(staticParts(template)) };
}

// The compiled parts are class instances and their lists `youngArray`s, so that compiling a
// throw-away model allocates in the young generation (see youngArray.ts).
class Ref implements ValueRef {
  constructor(
    public value: string,
    public range: OffsetRange,
  ) {}
}

function ref(value: ScalarValue): ValueRef {
  return new Ref(value.text, value.range);
}

/** Its `ref` is made when an explanation first lists it: most patterns never match. */
class ActionPattern implements CompiledActionPattern {
  glob: Glob | undefined = undefined;
  #ref: ValueRef | undefined = undefined;
  constructor(
    readonly value: ScalarValue,
    readonly literal: boolean,
  ) {}

  get ref(): ValueRef {
    return (this.#ref ??= ref(this.value));
  }
}

class ResourcePattern implements CompiledResourcePattern {
  constructor(
    public ref: ValueRef,
    public template: Template,
    public pattern: ArnPattern | undefined,
  ) {}
}

class PrincipalEntry implements CompiledPrincipalEntry {
  constructor(
    public ref: ValueRef,
    public kind: string,
  ) {}
}

class ConditionValue implements CompiledConditionValue {
  constructor(
    public ref: ValueRef,
    public template: Template,
    public prepared: unknown,
  ) {}
}

class Condition implements CompiledCondition {
  constructor(
    public operator: ParsedOperatorName,
    public key: string,
    public lowerKey: string,
    public range: OffsetRange,
    public values: CompiledConditionValue[],
    public staticValues: unknown[] | undefined,
  ) {}
}

class Element<E, P> {
  constructor(
    public element: E,
    public patterns: P[],
  ) {}
}

class Principals {
  constructor(
    public element: 'Principal' | 'NotPrincipal',
    public entries: CompiledPrincipalEntry[],
  ) {}
}

class Compiled implements CompiledStatement {
  constructor(
    public index: number,
    public range: OffsetRange,
    public sid: string | undefined,
    public effect: 'Allow' | 'Deny' | 'invalid',
    public action: CompiledStatement['action'],
    public resource: CompiledStatement['resource'],
    public principal: CompiledStatement['principal'],
    public conditions: CompiledCondition[],
  ) {}
}

function compileStatement(st: Statement, variablesEnabled: boolean): CompiledStatement {
  const effect = st.effect?.value === 'Allow' || st.effect?.value === 'Deny' ? st.effect.value : 'invalid';
  const actionList = st.action ?? st.notAction;
  const resourceList = st.resource ?? st.notResource;
  const principalBlock = st.principal ?? st.notPrincipal;
  return new Compiled(
    st.index,
    st.range,
    st.sid?.value || undefined,
    effect,
    actionList && compileActions(st.action ? 'Action' : 'NotAction', actionList),
    resourceList && new Element(st.resource ? 'Resource' : 'NotResource', compileResources(resourceList, variablesEnabled)),
    principalBlock && new Principals(st.principal ? 'Principal' : 'NotPrincipal', compilePrincipals(principalBlock.entries)),
    compileConditions(st.condition?.entries, variablesEnabled),
  );
}

function compileResources(list: StringListElement, variablesEnabled: boolean): CompiledResourcePattern[] {
  const cache = variablesEnabled ? resourcePatterns : literalResourcePatterns;
  const out = youngArray<CompiledResourcePattern>();
  for (const v of list.values) {
    if (v.jsonType !== 'string') continue;
    const { template, pattern } = cache.get(v.text, variablesEnabled ? compileResourceWithVariables : compileLiteralResource);
    out.push(new ResourcePattern(ref(v), template, pattern));
  }
  return out;
}

function compilePrincipals(entries: readonly PolicyPrincipalEntry[]): CompiledPrincipalEntry[] {
  const out = youngArray<CompiledPrincipalEntry>();
  for (const e of entries) out.push(new PrincipalEntry(ref(e.value), e.kind));
  return out;
}

function compileConditions(entries: readonly ConditionEntry[] | undefined, variablesEnabled: boolean): CompiledCondition[] {
  const out = youngArray<CompiledCondition>();
  if (!entries) return out;
  for (const entry of entries) {
    const operator = operatorNames.get(entry.operator.value, parseOperatorName);
    const op = operator.operator;
    const substitutes = variablesEnabled && op?.acceptsVariables === true;
    const values = youngArray<CompiledConditionValue>();
    let allStatic = true;
    for (const v of entry.values) {
      // Keyed by the operator too: it decides what a value is prepared into.
      const { template, prepared } = conditionValues.get(`${substitutes ? VARIABLES : LITERAL}${op?.name ?? ''}\u0000${v.text}`, () => {
        const template = parseTemplate(v.text, substitutes);
        return { template, prepared: op && !template.hasVariables ? op.prepare({ text: v.text, parts: staticParts(template) }) : undefined };
      });
      if (template.hasVariables) allStatic = false;
      values.push(new ConditionValue(ref(v), template, prepared));
    }
    let staticValues: unknown[] | undefined;
    if (allStatic) {
      staticValues = youngArray<unknown>();
      for (const v of values) if (v.prepared !== undefined) staticValues.push(v.prepared);
    }
    const key = entry.key.value;
    out.push(new Condition(operator, key, key.toLowerCase(), { start: entry.key.range.start, end: entry.valuesRange.end }, values, staticValues));
  }
  return out;
}

export const NO_POSITIONS: readonly number[] = Object.freeze([]);

/** Below this many patterns of a service, walking them is as quick as a lookup table. */
const SPLIT_FROM = 8;

class ServiceEntry {
  uses = 0;
  split: ServicePatterns | undefined;
  constructor(readonly positions: readonly number[]) {}
}

class Index implements ActionIndex {
  readonly #byService = new Map<string, ServiceEntry>();
  #any: readonly number[] | undefined;

  constructor(private readonly values: readonly ScalarValue[]) {}

  ownPatterns(lowerService: string | undefined): ServicePatterns | readonly number[] {
    if (lowerService === undefined) return NO_POSITIONS;
    const entry = this.#entry(lowerService);
    if (entry.split) return entry.split;
    if (entry.positions.length < SPLIT_FROM || ++entry.uses < 2) return entry.positions;
    const literals = new Map<string, number[]>();
    const others = youngArray<number>();
    for (const at of entry.positions) {
      const text = this.values[at].text;
      if (!isAsciiLiteral(text)) {
        others.push(at);
        continue;
      }
      // ASCII: toLowerCase is the fold `asciiFoldedEquals` compares with.
      const key = text.toLowerCase();
      const list = literals.get(key);
      if (list) list.push(at);
      else literals.set(key, [at]);
    }
    return (entry.split = { literals, others });
  }

  #entry(lowerService: string): ServiceEntry {
    let entry = this.#byService.get(lowerService);
    if (!entry) {
      entry = new ServiceEntry(this.#positions(lowerService, SAME_SERVICE));
      this.#byService.set(lowerService, entry);
    }
    return entry;
  }

  get anyService(): readonly number[] {
    return (this.#any ??= this.#positions(undefined, ANY_SERVICE));
  }

  #positions(lowerService: string | undefined, kind: number): readonly number[] {
    let out: number[] | undefined;
    for (let i = 0; i < this.values.length; i++) if (serviceMatch(this.values[i].text, lowerService) === kind) (out ??= youngArray<number>()).push(i);
    return out ?? NO_POSITIONS;
  }
}

class Actions implements CompiledActions {
  readonly patterns = youngArray<CompiledActionPattern | undefined>();
  readonly index: ActionIndex;
  constructor(
    readonly element: 'Action' | 'NotAction',
    readonly values: readonly ScalarValue[],
  ) {
    this.index = new Index(values);
  }
}

function compileActions(element: 'Action' | 'NotAction', list: StringListElement): CompiledActions {
  let values: readonly ScalarValue[] = list.values;
  // Only string entries take part in matching; a number or object in Action is a grammar error.
  if (!values.every((v) => v.jsonType === 'string')) values = values.filter((v) => v.jsonType === 'string');
  return new Actions(element, values);
}

/** ASCII without wildcards: see `CompiledActionPattern.literal`. */
function isAsciiLiteral(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === 0x2a /* * */ || c === 0x3f /* ? */ || c > 0x7f) return false;
  }
  return true;
}

/** Whether an action pattern matches a lower-cased action. */
export function actionPatternMatches(p: CompiledActionPattern, lowerAction: string): boolean {
  return p.literal ? asciiFoldedEquals(p.value.text, lowerAction) : globMatchesFolded(actionGlob(p), lowerAction);
}

/** `ascii.toLowerCase() === lower`, for ASCII `ascii`, without making the lower-cased copy. */
function asciiFoldedEquals(ascii: string, lower: string): boolean {
  if (ascii.length !== lower.length) return false;
  for (let i = 0; i < ascii.length; i++) {
    let c = ascii.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
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
