// Strict JSON text (what `JSON.parse` accepts) → the policy model, in one pass over the
// characters, without an intermediate tree: the model `buildPolicyModel` makes from
// jsonc-parser's tree, element for element and range for range (tested equal on every corpus
// document and on mutated ones). Every element's `node` comes from a tree built on first use
// (lazyTree.ts). The pass also checks the grammar exactly as `JSON.parse` does (RFC 8259), so
// text it accepts needs no other parse; anything else (comments, trailing commas, errors, nesting
// past the limit) is left to jsonc-parser's error recovery.
// https://www.rfc-editor.org/rfc/rfc8259
import type { ConditionEntry, Located, OffsetRange, PolicyModel, PrincipalEntry, ScalarValue, Statement, StringListElement } from './model';
import { Gather } from './youngArray';
import { LazyConditionBlock, LazyLocated, LazyPolicyModel, LazyPrincipalBlock, LazyScalar, LazyStatement, LazyStringList, LazyTree } from './lazyTree';

export interface StrictPolicy {
  /** Present when the root is an object with a `Statement` key. */
  model: PolicyModel | undefined;
  tree: LazyTree;
}

/** Thrown (never escapes) when the text is not strict JSON or nests too deep. */
const REJECT = { rejected: true };

/** The model of strict JSON text nesting at most `maxDepth` levels; undefined for any other text. */
export function strictPolicyModel(text: string, maxDepth: number): StrictPolicy | undefined {
  const scanner = new Scanner(text, maxDepth);
  try {
    const model = scanner.document();
    return { model, tree: scanner.tree };
  } catch (e) {
    for (const stack of STACKS) stack.clear();
    if (e === REJECT) return undefined;
    throw e;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

// Entries are class instances, and lists are gathered on a stack per kind of list and copied
// out at their exact length when complete (see youngArray.ts): a list of one kind is complete
// before the next of that kind starts, except keys, whose nesting (a statement's inside the
// policy's) is last in, first out.
const KEYS = new Gather<Located<string>>();
const STATEMENTS = new Gather<Statement>();
const VALUES = new Gather<ScalarValue>();
const PRINCIPALS = new Gather<PrincipalEntry>();
const KINDS = new Gather<Located<string>>();
const CONDITIONS = new Gather<ConditionEntry>();
const OPERATORS = new Gather<Located<string>>();
const STACKS = [KEYS, STATEMENTS, VALUES, PRINCIPALS, KINDS, CONDITIONS, OPERATORS];
const NO_KEYS: Located<string>[] = [];

class Principal implements PrincipalEntry {
  constructor(
    public kind: string,
    public value: ScalarValue,
  ) {}
}

class Condition implements ConditionEntry {
  constructor(
    public operator: Located<string>,
    public key: Located<string>,
    public values: ScalarValue[],
    public valuesIsArray: boolean,
    public valuesRange: OffsetRange,
  ) {}
}

class Scanner {
  pos = 0;
  readonly len: number;
  readonly tree: LazyTree;

  constructor(
    readonly text: string,
    readonly maxDepth: number,
  ) {
    this.len = text.length;
    this.tree = new LazyTree(text);
  }

  document(): PolicyModel | undefined {
    this.space();
    const model = this.text.charCodeAt(this.pos) === OPEN_BRACE ? this.policy() : (this.skipValue(0), undefined);
    this.space();
    if (this.pos !== this.len) throw REJECT;
    return model;
  }

  // ── the policy's elements ──

  private policy(): PolicyModel | undefined {
    const start = this.pos;
    const keys = KEYS.mark;
    let version: Located<string> | undefined;
    let id: Located<string> | undefined;
    let statementKeyRange: OffsetRange | undefined;
    let statementIsArray = false;
    let statements: Statement[] | undefined;
    if (this.openObject(0)) {
      do {
        const key = this.key();
        KEYS.push(key);
        switch (key.value) {
          case 'Version':
            version = this.located(1);
            break;
          case 'Id':
            id = this.located(1);
            break;
          case 'Statement':
            statementKeyRange = key.range;
            this.space();
            statementIsArray = this.text.charCodeAt(this.pos) === OPEN_BRACKET;
            statements = this.statements(statementIsArray);
            break;
          default:
            this.skipValue(1);
        }
      } while (this.nextProperty());
    }
    const keyList = KEYS.take(keys);
    if (!statements || !statementKeyRange) return undefined;
    const model = new LazyPolicyModel({ start, end: this.pos }, statementIsArray, statements, keyList, this.tree);
    if (version) model.version = version;
    if (id) model.id = id;
    model.statementKeyRange = statementKeyRange;
    return model;
  }

  /** The `Statement` value at `pos`: an array of statements (other items skipped), one statement, or neither. */
  private statements(isArray: boolean): Statement[] {
    const mark = STATEMENTS.mark;
    if (!isArray) {
      if (this.text.charCodeAt(this.pos) === OPEN_BRACE) STATEMENTS.push(this.statement(0, 1));
      else this.skipValue(1);
      return STATEMENTS.take(mark);
    }
    if (this.openArray(1)) {
      do {
        this.space();
        if (this.text.charCodeAt(this.pos) === OPEN_BRACE) STATEMENTS.push(this.statement(STATEMENTS.mark - mark, 2));
        else this.skipValue(2);
      } while (this.nextItem());
    }
    return STATEMENTS.take(mark);
  }

  private statement(index: number, depth: number): Statement {
    const start = this.pos;
    const keys = KEYS.mark;
    const st = new LazyStatement(index, { start, end: start }, NO_KEYS, this.tree);
    if (this.openObject(depth)) {
      const inner = depth + 1;
      do {
        const key = this.key();
        KEYS.push(key);
        switch (key.value) {
          case 'Sid':
            st.sid = this.located(inner);
            break;
          case 'Effect':
            st.effect = this.located(inner);
            break;
          case 'Action':
            st.action = this.stringList(key.range, inner);
            break;
          case 'NotAction':
            st.notAction = this.stringList(key.range, inner);
            break;
          case 'Resource':
            st.resource = this.stringList(key.range, inner);
            break;
          case 'NotResource':
            st.notResource = this.stringList(key.range, inner);
            break;
          case 'Principal':
            st.principal = this.principalBlock(key.range, inner);
            break;
          case 'NotPrincipal':
            st.notPrincipal = this.principalBlock(key.range, inner);
            break;
          case 'Condition':
            st.condition = this.conditionBlock(key.range, inner);
            break;
          default:
            this.skipValue(inner);
        }
      } while (this.nextProperty());
    }
    st.range.end = this.pos;
    st.keys = KEYS.take(keys);
    return st;
  }

  /** A string value as itself; any other value as `''`, with its range. */
  private located(depth: number): Located<string> {
    this.space();
    const start = this.pos;
    if (this.text.charCodeAt(start) === QUOTE) {
      const value = this.string();
      return new LazyLocated(value, { start, end: this.pos }, this.tree);
    }
    this.skipValue(depth);
    return new LazyLocated('', { start, end: this.pos }, this.tree);
  }

  private stringList(keyRange: OffsetRange, depth: number): StringListElement {
    this.space();
    const start = this.pos;
    const isArray = this.text.charCodeAt(start) === OPEN_BRACKET;
    const values = isArray ? this.scalarArray(depth) : this.oneScalar(depth);
    return new LazyStringList(keyRange, { start, end: this.pos }, isArray, values, this.tree);
  }

  private principalBlock(keyRange: OffsetRange, depth: number): LazyPrincipalBlock {
    this.space();
    const start = this.pos;
    const c = this.text.charCodeAt(start);
    const entries = PRINCIPALS.mark;
    const kinds = KINDS.mark;
    let wildcard = false;
    if (c === QUOTE) {
      const value = this.scalar(depth);
      wildcard = value.text === '*';
      PRINCIPALS.push(new Principal('*', value));
    } else if (c === OPEN_BRACE) {
      if (this.openObject(depth)) {
        do {
          const kind = this.key();
          KINDS.push(kind);
          this.space();
          if (this.text.charCodeAt(this.pos) !== OPEN_BRACKET) {
            PRINCIPALS.push(new Principal(kind.value, this.scalar(depth + 1)));
          } else if (this.openArray(depth + 1)) {
            do PRINCIPALS.push(new Principal(kind.value, this.scalar(depth + 2)));
            while (this.nextItem());
          }
        } while (this.nextProperty());
      }
    } else {
      this.skipValue(depth);
    }
    return new LazyPrincipalBlock(keyRange, { start, end: this.pos }, wildcard, PRINCIPALS.take(entries), KINDS.take(kinds), this.tree);
  }

  private conditionBlock(keyRange: OffsetRange, depth: number): LazyConditionBlock {
    this.space();
    const start = this.pos;
    const entries = CONDITIONS.mark;
    const operators = OPERATORS.mark;
    if (this.text.charCodeAt(start) !== OPEN_BRACE) {
      this.skipValue(depth);
    } else if (this.openObject(depth)) {
      do {
        const operator = this.key();
        OPERATORS.push(operator);
        this.space();
        if (this.text.charCodeAt(this.pos) !== OPEN_BRACE) {
          this.skipValue(depth + 1);
        } else if (this.openObject(depth + 1)) {
          do {
            const key = this.key();
            this.space();
            const valuesStart = this.pos;
            const valuesIsArray = this.text.charCodeAt(valuesStart) === OPEN_BRACKET;
            const values = valuesIsArray ? this.scalarArray(depth + 2) : this.oneScalar(depth + 2);
            CONDITIONS.push(new Condition(operator, key, values, valuesIsArray, { start: valuesStart, end: this.pos }));
          } while (this.nextProperty());
        }
      } while (this.nextProperty());
    }
    return new LazyConditionBlock(keyRange, { start, end: this.pos }, CONDITIONS.take(entries), OPERATORS.take(operators), this.tree);
  }

  /** The items of the array at `pos` (which is at `depth`), each as a scalar. */
  private scalarArray(depth: number): ScalarValue[] {
    const mark = VALUES.mark;
    if (this.openArray(depth)) {
      do VALUES.push(this.scalar(depth + 1));
      while (this.nextItem());
    }
    return VALUES.take(mark);
  }

  private oneScalar(depth: number): ScalarValue[] {
    const mark = VALUES.mark;
    VALUES.push(this.scalar(depth));
    return VALUES.take(mark);
  }

  /** Any value as `scalar()` in parse.ts reads it: strings as written, numbers and literals as text, containers as `''`. */
  private scalar(depth: number): ScalarValue {
    this.space();
    const start = this.pos;
    const c = this.text.charCodeAt(start);
    let text: string;
    let jsonType: ScalarValue['jsonType'];
    if (c === QUOTE) {
      text = this.string();
      jsonType = 'string';
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      this.skipValue(depth);
      text = '';
      jsonType = c === OPEN_BRACE ? 'object' : 'array';
    } else if (c === 0x74 /* t */ || c === 0x66 /* f */) {
      this.literal(c === 0x74 ? 'true' : 'false');
      text = c === 0x74 ? 'true' : 'false';
      jsonType = 'boolean';
    } else if (c === 0x6e /* n */) {
      this.literal('null');
      text = 'null';
      jsonType = 'null';
    } else {
      this.number();
      text = String(Number(this.text.slice(start, this.pos)));
      jsonType = 'number';
    }
    return new LazyScalar(text, jsonType, { start, end: this.pos }, this.tree);
  }

  // ── the JSON grammar ──

  private space(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
    this.pos = pos;
  }

  /** At `{` (an object at `depth`): consumes it; false when the object is empty (its `}` consumed too). */
  private openObject(depth: number): boolean {
    if (depth >= this.maxDepth) throw REJECT;
    this.pos++;
    this.space();
    if (this.text.charCodeAt(this.pos) !== CLOSE_BRACE) return true;
    this.pos++;
    return false;
  }

  /** At `[`: as `openObject`. */
  private openArray(depth: number): boolean {
    if (depth >= this.maxDepth) throw REJECT;
    this.pos++;
    this.space();
    if (this.text.charCodeAt(this.pos) !== CLOSE_BRACKET) return true;
    this.pos++;
    return false;
  }

  /** After a property's value: true at a comma (consumed), false at the closing brace (consumed). */
  private nextProperty(): boolean {
    this.space();
    const c = this.text.charCodeAt(this.pos++);
    if (c === COMMA) return true;
    if (c === CLOSE_BRACE) return false;
    throw REJECT;
  }

  private nextItem(): boolean {
    this.space();
    const c = this.text.charCodeAt(this.pos++);
    if (c === COMMA) return true;
    if (c === CLOSE_BRACKET) return false;
    throw REJECT;
  }

  /** A property's name and its colon; `pos` is left before the value. */
  private key(): LazyLocated {
    this.space();
    const start = this.pos;
    if (this.text.charCodeAt(start) !== QUOTE) throw REJECT;
    const name = this.string();
    const key = new LazyLocated(name, { start, end: this.pos }, this.tree);
    this.space();
    if (this.text.charCodeAt(this.pos++) !== COLON) throw REJECT;
    return key;
  }

  /** The string whose opening quote is at `pos`, unescaped; `pos` is left after its closing quote. */
  private string(): string {
    const start = this.pos;
    const end = this.stringEnd(start);
    this.pos = end + 1;
    return this.escapes ? (JSON.parse(this.text.slice(start, end + 1)) as string) : this.text.slice(start + 1, end);
  }

  /** Whether the last string scanned held an escape. */
  private escapes = false;

  /** The offset of the closing quote of the string opened at `start`. */
  private stringEnd(start: number): number {
    const text = this.text;
    const len = this.len;
    let escapes = false;
    let i = start + 1;
    for (;;) {
      if (i >= len) throw REJECT;
      const c = text.charCodeAt(i);
      if (c === QUOTE) break;
      // JSON strings hold no raw control characters.
      if (c < 0x20) throw REJECT;
      if (c === BACKSLASH) {
        escapes = true;
        const e = text.charCodeAt(i + 1);
        if (e === 0x75 /* u */) {
          if (!(isHex(text.charCodeAt(i + 2)) && isHex(text.charCodeAt(i + 3)) && isHex(text.charCodeAt(i + 4)) && isHex(text.charCodeAt(i + 5)))) throw REJECT;
          i += 6;
        } else if (e === QUOTE || e === BACKSLASH || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
          i += 2;
        } else {
          throw REJECT;
        }
      } else {
        i++;
      }
    }
    this.escapes = escapes;
    return i;
  }

  private literal(word: string): void {
    if (!this.text.startsWith(word, this.pos)) throw REJECT;
    this.pos += word.length;
  }

  /** `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` */
  private number(): void {
    const text = this.text;
    let i = this.pos;
    if (text.charCodeAt(i) === 0x2d /* - */) i++;
    const first = text.charCodeAt(i);
    if (first === 0x30) i++;
    else if (first >= 0x31 && first <= 0x39) while (isDigit(text.charCodeAt(++i)));
    else throw REJECT;
    if (text.charCodeAt(i) === 0x2e /* . */) {
      if (!isDigit(text.charCodeAt(++i))) throw REJECT;
      while (isDigit(text.charCodeAt(++i)));
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      const sign = text.charCodeAt(++i);
      if (sign === 0x2b || sign === 0x2d) i++;
      if (!isDigit(text.charCodeAt(i))) throw REJECT;
      while (isDigit(text.charCodeAt(++i)));
    }
    this.pos = i;
  }

  /** Any value at `pos` (after white space), checked and passed over. */
  private skipValue(depth: number): void {
    this.space();
    const c = this.text.charCodeAt(this.pos);
    if (c === QUOTE) {
      this.pos = this.stringEnd(this.pos) + 1;
    } else if (c === OPEN_BRACE) {
      if (this.openObject(depth)) {
        do {
          this.space();
          if (this.text.charCodeAt(this.pos) !== QUOTE) throw REJECT;
          this.pos = this.stringEnd(this.pos) + 1;
          this.space();
          if (this.text.charCodeAt(this.pos++) !== COLON) throw REJECT;
          this.skipValue(depth + 1);
        } while (this.nextProperty());
      }
    } else if (c === OPEN_BRACKET) {
      if (this.openArray(depth)) {
        do this.skipValue(depth + 1);
        while (this.nextItem());
      }
    } else if (c === 0x74) {
      this.literal('true');
    } else if (c === 0x66) {
      this.literal('false');
    } else if (c === 0x6e) {
      this.literal('null');
    } else {
      this.number();
    }
  }
}
