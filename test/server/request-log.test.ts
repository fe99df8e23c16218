import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testDatabase } from '../support/database.ts';
import type { Database } from '../../src/db/client.ts';
import { buildApp, loggerOptions } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { version } from '../../src/server/bootstrap.ts';

function collector(lines: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      callback();
    },
  });
}

describe('the request log', () => {
  const lines: string[] = [];
  const infoLines: string[] = [];
  let app: FastifyInstance;
  let infoApp: FastifyInstance;
  let database: Database;

  beforeAll(async () => {
    database = await testDatabase('pglite');
    app = await buildApp({ config: loadConfig({}), database, version }, { logger: { level: 'debug', stream: collector(lines) } });
    infoApp = await buildApp({ config: loadConfig({}), database, version }, { logger: { level: 'info', stream: collector(infoLines) } });
    await app.ready();
    await infoApp.ready();
  });
  afterAll(async () => {
    await app.close();
    await infoApp.close();
    await database.close();
  });

  it('writes requests at debug, one line each, so the default level shows only what a person must read', async () => {
    const before = lines.length;
    await app.inject({ method: 'GET', url: '/api/health' });
    await app.inject({ method: 'GET', url: '/api/regions/provinces' });
    const added = lines.slice(before).map((l) => JSON.parse(l) as { level: number; msg: string; statusCode?: number; req?: { method: string } });
    expect(added.map((l) => [l.level, l.msg, l.req?.method])).toEqual([
      [20, 'request', 'GET'],
      [20, 'request', 'GET'],
    ]);
    expect(added.every((l) => typeof l.statusCode === 'number')).toBe(true);

    await infoApp.inject({ method: 'GET', url: '/api/health' });
    await infoApp.inject({ method: 'GET', url: '/api/regions/provinces' });
    expect(infoLines.filter((l) => /"req"/.test(l))).toEqual([]);
  });

  it('keeps the tokens of invitation and reset links, in paths and query strings, out of the log', async () => {
    const before = lines.length;
    await app.inject({ method: 'GET', url: '/undangan/Rahasia-Undangan_123' });
    await app.inject({ method: 'GET', url: '/atur-ulang-sandi/Rahasia-Sandi_456?lang=id' });
    await app.inject({ method: 'GET', url: '/masuk?next=%2Fundangan%2FRahasia-Berikut_789&lang=en' });
    await app.inject({ method: 'GET', url: '/api/health?token=Rahasia-Kueri_000' });
    const urls = lines.slice(before).map((l) => JSON.parse(l) as { req?: { url: string } }).flatMap((l) => (l.req ? [l.req.url] : []));
    expect(urls).toEqual([
      '/undangan/[redacted]',
      '/atur-ulang-sandi/[redacted]?lang=id',
      '/masuk?next=[redacted]&lang=en',
      '/api/health?token=[redacted]',
    ]);
    expect(lines.join('\n')).not.toMatch(/Rahasia/);
  });
});

describe('the log format', () => {
  it('is readable lines at a terminal and JSON otherwise, unless LOG_FORMAT says', () => {
    const auto = loadConfig({});
    expect(loggerOptions(auto, true)).toMatchObject({ transport: { target: 'pino-pretty' } });
    expect(loggerOptions(auto, false)).toEqual({ level: 'info' });
    expect(loggerOptions(loadConfig({ LOG_FORMAT: 'json' }), true)).toEqual({ level: 'info' });
    expect(loggerOptions(loadConfig({ LOG_FORMAT: 'pretty', LOG_LEVEL: 'debug' }), false)).toMatchObject({ level: 'debug', transport: { target: 'pino-pretty' } });
  });
});
