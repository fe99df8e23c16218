import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const bin = fileURLToPath(new URL('../../bin/paritrana', import.meta.url));

/** The environment of a `paritrana` child on an installation in `dataDir` (PGlite unless `databaseUrl`). */
export function childEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PARITRANA_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', ...extra };
}

/** Runs `paritrana <args>` to its end. */
export function paritrana(dataDir: string, args: string[], extra: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: childEnv(dataDir, extra) });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type ServerProcess = { child: ChildProcess; port: number; url: string; stdout: () => string; stderr: () => string };

/** Starts `paritrana serve` in a child process and resolves once it listens. */
export async function startServer(dataDir: string, extra: Record<string, string> = {}, args: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [bin, 'serve', ...args], { env: childEnv(dataDir, { PORT: String(port), ...extra }), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (out.includes(`:${port} (database:`)) {
        child.stdout.off('data', onData);
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) => reject(new Error(`paritrana serve exited (${code}) before listening: ${err}`));
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });
  return { child, port, url: `http://127.0.0.1:${port}`, stdout: () => out, stderr: () => err };
}

/** Kills the server with SIGKILL (no shutdown code runs) and waits for it to be gone. */
export async function killHard(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.kill('SIGKILL');
  await gone;
}
