// The model of strict JSON text is built straight from the characters (strictPolicyModel.ts),
// without jsonc-parser's tree: evaluating a policy reads only values and offsets, and building
// the tree took most of a parse. The tree is still what the linter, hover, completion and quick
// fixes walk, so it is built from the same text the first time one of them asks for `root` or
// for an element's `node`, and every element's `node` is then the node of that one tree at the
// element's offset: the same object a walk from `root` reaches, as with the eagerly built model.
import type { Node } from 'jsonc-parser';
import type {
  ConditionBlock,
  ConditionEntry,
  Located,
  OffsetRange,
  PolicyModel,
  PrincipalBlock,
  PrincipalEntry,
  ScalarValue,
  Statement,
  StringListElement,
} from './model';
import { validJsonTree } from './strictJsonTree';

/** The tree of one strict JSON text, built on first use. */
export class LazyTree {
  private built: Node | undefined;

  constructor(private readonly text: string) {}

  get root(): Node {
    return (this.built ??= validJsonTree(this.text));
  }

  /** The node that starts at `offset`: a value, or a property's key (never the property itself). */
  nodeAt(offset: number): Node {
    let node = this.root;
    for (;;) {
      if (node.offset === offset && node.type !== 'property') return node;
      const children = node.children!;
      // Children ascend by offset: the last one starting at or before `offset` holds it.
      let lo = 0;
      let hi = children.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (children[mid].offset <= offset) lo = mid;
        else hi = mid - 1;
      }
      node = children[lo];
    }
  }
}

/** Where each element finds its tree: a symbol, so that `Object.keys`, JSON and deep equality never see it. */
export const TREE: unique symbol = Symbol('tree');

/** An element of the model whose `node` is the tree's node at the element's start. */
abstract class LazyElement {
  [TREE]: LazyTree;
  abstract range: OffsetRange;
  constructor(tree: LazyTree) {
    this[TREE] = tree;
  }
  get node(): Node {
    return this[TREE].nodeAt(this.range.start);
  }
}

export class LazyLocated extends LazyElement implements Located<string> {
  constructor(
    public value: string,
    public range: OffsetRange,
    tree: LazyTree,
  ) {
    super(tree);
  }
}

export class LazyScalar extends LazyElement implements ScalarValue {
  constructor(
    public text: string,
    public jsonType: ScalarValue['jsonType'],
    public range: OffsetRange,
    tree: LazyTree,
  ) {
    super(tree);
  }
}

export class LazyStringList extends LazyElement implements StringListElement {
  constructor(
    public keyRange: OffsetRange,
    public range: OffsetRange,
    public isArray: boolean,
    public values: ScalarValue[],
    tree: LazyTree,
  ) {
    super(tree);
  }
}

export class LazyPrincipalBlock extends LazyElement implements PrincipalBlock {
  constructor(
    public keyRange: OffsetRange,
    public range: OffsetRange,
    public wildcard: boolean,
    public entries: PrincipalEntry[],
    public kinds: Located<string>[],
    tree: LazyTree,
  ) {
    super(tree);
  }
}

export class LazyConditionBlock extends LazyElement implements ConditionBlock {
  constructor(
    public keyRange: OffsetRange,
    public range: OffsetRange,
    public entries: ConditionEntry[],
    public operators: Located<string>[],
    tree: LazyTree,
  ) {
    super(tree);
  }
}

/** Optional elements are added only when written, as the eager builder does (`'sid' in st` stays false). */
export class LazyStatement extends LazyElement implements Statement {
  declare sid?: Located<string>;
  declare effect?: Located<string>;
  declare action?: StringListElement;
  declare notAction?: StringListElement;
  declare resource?: StringListElement;
  declare notResource?: StringListElement;
  declare principal?: PrincipalBlock;
  declare notPrincipal?: PrincipalBlock;
  declare condition?: ConditionBlock;
  constructor(
    public index: number,
    public range: OffsetRange,
    public keys: Located<string>[],
    tree: LazyTree,
  ) {
    super(tree);
  }
}

export class LazyPolicyModel extends LazyElement implements PolicyModel {
  declare version?: Located<string>;
  declare id?: Located<string>;
  declare statementKeyRange?: OffsetRange;
  constructor(
    public range: OffsetRange,
    public statementIsArray: boolean,
    public statements: Statement[],
    public keys: Located<string>[],
    tree: LazyTree,
  ) {
    super(tree);
  }
}
