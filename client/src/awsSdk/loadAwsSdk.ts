// Loads the AWS SDK on first use (see awsSdk.ts). In the bundle `./awsSdk.js` is the separate
// file dist/aws-sdk.js (esbuild.mjs rewrites the path); run from source it is awsSdk.ts.
export type AwsSdk = typeof import('./awsSdk');

let loading: Promise<AwsSdk> | undefined;

export function loadAwsSdk(): Promise<AwsSdk> {
  // `require`, as VS Code loads extensions, on a later tick so that a load error rejects.
  loading ??= Promise.resolve().then(() => require('./awsSdk.js') as AwsSdk);
  // A failed load (a damaged installation) is tried again by the next call instead of being remembered.
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * A credentials provider made by the SDK, created on its first call (which loads the SDK) and
 * kept for the later ones, so that what the SDK provider caches between calls stays cached.
 */
export function lazyProvider<T>(make: (sdk: AwsSdk) => () => Promise<T>): () => Promise<T> {
  let provider: (() => Promise<T>) | undefined;
  return async () => {
    provider ??= make(await loadAwsSdk());
    return provider();
  };
}
