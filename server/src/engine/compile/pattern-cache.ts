// What compiling a pattern makes depends on its text alone (and on how it is read: with or
// without policy variables, by which operator), so it is kept by that text and shared between
// policies and document versions. An edit re-parses the whole document, but all its patterns
// except the one being typed are the ones compiled for the previous version. Everything kept
// here is only read after it is built (a glob's KMP table is filled in once, on first use), and
// the caches are bounded: past their limit the oldest entries are dropped.

/**
 * A map that forgets what was not used lately: entries live in a young generation until it holds
 * `limit / 2`, which then becomes the old one (and the previous old one is dropped); a hit in the
 * old generation moves the entry back to the young one. Every step is O(1) (evicting single
 * entries from a Map is not: the iterator skips every deleted slot before it).
 */
export class BoundedCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  private readonly half: number;

  constructor(limit: number) {
    this.half = Math.max(1, Math.floor(limit / 2));
  }

  get(key: string, build: (key: string) => V): V {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const value = this.old.get(key) ?? build(key);
    if (this.young.size >= this.half) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
    return value;
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
