import { readFileSync } from 'node:fs';
import { LoopbackStsServer } from './stsServer';
import type { StsServerConfig } from './stsServerConfig';

/**
 * Starts the loopback STS server for end-to-end tests:
 *   node --import tsx test/sts-server/main.ts config.json [--port 0]
 * Prints `STS_URL=http://127.0.0.1:PORT` once listening and stops on SIGTERM or SIGINT.
 */

function parseArguments(argv: string[]): { configPath?: string; port: number } {
  let configPath: string | undefined;
  let port = 0;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--port') {
      port = Number(argv[++index]);
    } else if (argument.startsWith('--port=')) {
      port = Number(argument.slice('--port='.length));
    } else {
      configPath = argument;
    }
  }
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be 0–65535`);
  }
  return { configPath, port };
}

async function main(): Promise<void> {
  const { configPath, port } = parseArguments(process.argv.slice(2));
  const config: StsServerConfig = configPath ? JSON.parse(readFileSync(configPath, 'utf8')) : {};
  const server = await LoopbackStsServer.start(config, { port });
  process.stdout.write(`STS_URL=${server.url}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) {
      return;
    }
    stopping = true;
    void server.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`loopback STS server failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
