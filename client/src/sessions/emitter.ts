// A list of listeners for the session modules, which stay free of the vscode API so that unit
// tests run them as they are.

export interface Disposable {
  dispose(): void;
}

export class Emitter<T> {
  private readonly listeners: Array<(value: T) => void> = [];

  /** Adds a listener; disposing the result removes it. */
  on(listener: (value: T) => void): Disposable {
    this.listeners.push(listener);
    return {
      dispose: () => {
        const index = this.listeners.indexOf(listener);
        if (index >= 0) {
          this.listeners.splice(index, 1);
        }
      },
    };
  }

  /** Calls every listener; one that throws (a view being disposed) does not stop the others. */
  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch {
        // ignored: see above
      }
    }
  }

  clear(): void {
    this.listeners.length = 0;
  }
}
