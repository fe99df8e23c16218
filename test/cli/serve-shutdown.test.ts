import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killHard, startServer, type ServerProcess } from '../support/server-process.ts';

/** Resolves with the exit status and how long after `since` the process ended. */
function exitOf(server: ServerProcess, since: number): Promise<{ code: number | null; seconds: number }> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) resolve({ code: server.child.exitCode, seconds: 0 });
    else server.child.once('exit', (code) => resolve({ code, seconds: (Date.now() - since) / 1000 }));
  });
}

describe('paritrana serve stopping', () => {
  const dirs: string[] = [];
  const servers: ServerProcess[] = [];
  const sockets: Socket[] = [];
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    for (const server of servers) await killHard(server);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const start = async (env: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'paritrana-shutdown-'));
    dirs.push(dir);
    const server = await startServer(dir, env);
    servers.push(server);
    return server;
  };

  it('exits 0 on SIGTERM when nothing is under way', { timeout: 120_000 }, async () => {
    const server = await start({ SHUTDOWN_SECONDS: '30' });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const asked = Date.now();
    const ended = exitOf(server, asked);
    server.child.kill('SIGTERM');
    expect((await ended).code).toBe(0);
    expect(server.stderr()).not.toContain('not stopped within');
  });

  it('exits 1 once SHUTDOWN_SECONDS pass while a client keeps a request open, and says why', { timeout: 120_000 }, async () => {
    // The idle timeout would cut the silent client after a minute; here it is longer than the test.
    const server = await start({ SHUTDOWN_SECONDS: '2', IDLE_TIMEOUT_SECONDS: '3600' });
    const socket = connect(server.port, '127.0.0.1');
    sockets.push(socket);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    // Half a request: the server waits for the rest of the body, so the request stays under way.
    socket.write('POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const asked = Date.now();
    const ended = exitOf(server, asked);
    server.child.kill('SIGTERM');
    const { code, seconds } = await ended;
    expect(code).toBe(1);
    expect(seconds).toBeGreaterThanOrEqual(2);
    expect(server.stderr()).toContain('not stopped within 2 s (SHUTDOWN_SECONDS)');
  });

  it('exits at once on a second signal while it waits', { timeout: 120_000 }, async () => {
    const server = await start({ SHUTDOWN_SECONDS: '600', IDLE_TIMEOUT_SECONDS: '3600' });
    const socket = connect(server.port, '127.0.0.1');
    sockets.push(socket);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ended = exitOf(server, Date.now());
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.child.exitCode).toBeNull();
    server.child.kill('SIGINT');
    expect((await ended).code).toBe(1);
    expect(server.stderr()).toContain('SIGINT again while stopping: exiting now');
  });
});
