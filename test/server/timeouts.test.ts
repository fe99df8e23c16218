import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/database.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { loadConfig } from '../../src/server/config.ts';

/** Opens a raw socket, writes the given parts (pausing between them), and gives back all the server wrote once it closes. */
function rawExchange(port: number, parts: string[], pauseMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
    socket.on('connect', () => {
      void (async () => {
        for (const part of parts) {
          if (socket.destroyed) return;
          socket.write(part);
          await sleep(pauseMs);
        }
      })();
    });
  });
}

describe('timeouts', () => {
  it('have defaults long enough for large uploads, and are configurable', () => {
    expect(loadConfig({}).timeouts).toEqual({ requestMs: 3_600_000, idleMs: 60_000, keepAliveMs: 65_000 });
    expect(loadConfig({ REQUEST_TIMEOUT_SECONDS: '120', IDLE_TIMEOUT_SECONDS: '5', KEEP_ALIVE_TIMEOUT_SECONDS: '10' }).timeouts).toEqual({ requestMs: 120_000, idleMs: 5_000, keepAliveMs: 10_000 });
  });
});

describe.each(drivers())('a stalled request body on %s', (driver) => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await startTestApp(driver, { IDLE_TIMEOUT_SECONDS: '1', REQUEST_TIMEOUT_SECONDS: '30', KEEP_ALIVE_TIMEOUT_SECONDS: '1' });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => t?.close());

  const head = (length: number) => `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n`;

  it('is cut: the server closes a socket that sent its headers and then nothing', async () => {
    const received = await rawExchange(port, [head(200), '{"email":'], 0);
    expect(received).toBe('');
  });

  it('still lets a body that keeps arriving through', async () => {
    const body = JSON.stringify({ email: 'nobody@test.example', password: 'wrong-password-123' });
    const thirds = [body.slice(0, 20), body.slice(20, 40), body.slice(40)];
    const received = await rawExchange(port, [head(Buffer.byteLength(body)), ...thirds], 300);
    expect(received.split('\r\n')[0]).toBe('HTTP/1.1 401 Unauthorized');
  });

  it('still answers a request received whole while the server works on it for longer than the idle timeout (a busy database)', async () => {
    // The users table is held for 2.5 s, more than twice the idle timeout: the sign-in waits for it.
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const held = t.database.db.transaction(async (tx) => {
      await tx.execute(sql`lock table users in access exclusive mode`);
      locked();
      await sleep(2500);
    });
    await lockTaken;
    const body = JSON.stringify({ email: 'nobody@test.example', password: 'wrong-password-123' });
    const started = performance.now();
    const received = await rawExchange(port, [head(Buffer.byteLength(body)) + body], 0);
    await held;
    expect(performance.now() - started).toBeGreaterThan(1500);
    expect(received.split('\r\n')[0]).toBe('HTTP/1.1 401 Unauthorized');
  });
});
