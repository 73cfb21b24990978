// Arrays for the objects of one parse or one compile, made so that V8 keeps them in the young
// generation. V8 tracks where each array and object literal was made and, once most of what
// one literal made outlives a scavenge (as the parsed models a caller keeps do), makes every
// later one in the old generation. The lists of each throw-away parse or compile (an edit's,
// simulated once) then kept their young items alive through every scavenge, and a parse loop
// spent three quarters of its time collecting (parsing the bench's 1,200 corpus policies after
// keeping one model of each: 74 µs a policy, against 16 µs with arrays made as here). What
// `slice` makes is always young; objects are class instances for the same reason.
const EMPTY: never[] = [];

/** A new empty array that starts in the young generation. */
export function youngArray<T>(): T[] {
  return EMPTY.slice() as T[];
}
