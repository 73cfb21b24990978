// Every request handler runs through here: an exception in one feature is logged and answered
// with a default, never allowed to take the server down (json-language-features does the same).
import type { CancellationToken } from 'vscode-languageserver';

/** Work given up on purpose (its input is stale): answered with the default, not logged. */
export class CancelledWork extends Error {}

export interface Logger {
  error(message: string): void;
}

export async function runSafe<T>(
  logger: Logger,
  name: string,
  fallback: T,
  token: CancellationToken | undefined,
  work: () => T | Promise<T>,
): Promise<T> {
  try {
    if (token?.isCancellationRequested) return fallback;
    const result = await work();
    return token?.isCancellationRequested ? fallback : result;
  } catch (e) {
    if (e instanceof CancelledWork) return fallback;
    logger.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return fallback;
  }
}
