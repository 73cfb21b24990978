// Where the shared corpus is: `shared/corpus` beside the checkout, found by walking up from here
// so that the same tests run from the main checkout and from a worktree nested one level deeper.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function findCorpus(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'corpus');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return join(from, '..', '..', '..', '..', 'shared', 'corpus');
  }
}
