// A value computed once per object and kept on the object itself, under a symbol of its own and
// not enumerable (so deep equality, JSON and `Object.keys` never see it), instead of in a
// WeakMap keyed by the object. The objects memoised on are those of one parse (a model, a
// statement, a node), made afresh on every keystroke; V8's young-generation collector keeps
// every WeakMap entry whose key is young alive, so a WeakMap keyed by them promoted each parse
// whole to the old generation: compiling an edited policy spent most of its time collecting
// (a compile + evaluate loop over the corpus: 5.2 s of scavenges → 0.3 s).
//
// The holder is a class instance, not an object literal: V8 makes every object of a literal in
// the old generation once most of them have outlived a scavenge (the compiled policies of kept
// models do), and an old holder of a throw-away model's compiled policy kept it, and its model,
// alive through every scavenge (see youngArray.ts).
export function attachedMemo<K extends object, V>(name: string, compute: (key: K) => V): (key: K) => V {
  const slot = Symbol(name);
  return (key: K): V => {
    const held = (key as { [slot]?: Held<V> })[slot];
    if (held) return held.value;
    const value = compute(key);
    if (Object.isExtensible(key)) Object.defineProperty(key, slot, { value: new Held(value) });
    return value;
  };
}

class Held<V> {
  constructor(readonly value: V) {}
}
