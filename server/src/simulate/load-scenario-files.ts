// Loading a scenario whose policy files are read asynchronously: the scenario is loaded once to
// learn which files it names, the files are read (each through the caller's safe reader), and
// it is loaded again over what was read. Loading stays synchronous and pure; only this reads.
import { loadScenario } from './load-scenario';
import type { ReadResult } from './read-policy-file';
import type { Scenario } from './scenario-types';

/** A scenario naming more files than this is refused the rest: each read costs up to maxBytes. */
export const MAX_POLICY_FILES = 256;
const PARALLEL_READS = 16;

export async function loadScenarioReading(text: string, filePath: string, read: (file: string) => Promise<ReadResult>): Promise<Scenario> {
  const files = loadScenario(text, filePath, () => undefined).policyFiles;
  const results = new Map<string, ReadResult>();
  const wanted = files.slice(0, MAX_POLICY_FILES);
  for (let i = 0; i < wanted.length; i += PARALLEL_READS) {
    const batch = wanted.slice(i, i + PARALLEL_READS);
    const texts = await Promise.all(batch.map((f) => read(f).catch((e: unknown): ReadResult => ({ refused: e instanceof Error ? e.message : String(e) }))));
    batch.forEach((f, j) => results.set(f, texts[j]));
  }
  const tooMany: ReadResult = { refused: `the scenario names more than ${MAX_POLICY_FILES} policy files` };
  return loadScenario(text, filePath, (f) => (results.has(f) ? results.get(f) : tooMany));
}
