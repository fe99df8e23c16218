import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testDatabase } from '../support/database.ts';
import type { Database } from '../../src/db/client.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { version } from '../../src/server/bootstrap.ts';

describe('the request log', () => {
  const lines: string[] = [];
  let app: FastifyInstance;
  let database: Database;

  beforeAll(async () => {
    database = await testDatabase('pglite');
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        callback();
      },
    });
    app = await buildApp({ config: loadConfig({}), database, version }, { logger: { level: 'info', stream } });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('keeps the tokens of invitation and reset links, in paths and query strings, out of the log', async () => {
    await app.inject({ method: 'GET', url: '/undangan/Rahasia-Undangan_123' });
    await app.inject({ method: 'GET', url: '/atur-ulang-sandi/Rahasia-Sandi_456?lang=id' });
    await app.inject({ method: 'GET', url: '/masuk?next=%2Fundangan%2FRahasia-Berikut_789&lang=en' });
    await app.inject({ method: 'GET', url: '/api/health?token=Rahasia-Kueri_000' });
    const urls = lines.map((l) => JSON.parse(l) as { req?: { url: string } }).flatMap((l) => (l.req ? [l.req.url] : []));
    expect(urls).toEqual([
      '/undangan/[redacted]',
      '/atur-ulang-sandi/[redacted]?lang=id',
      '/masuk?next=[redacted]&lang=en',
      '/api/health?token=[redacted]',
    ]);
    expect(lines.join('\n')).not.toMatch(/Rahasia/);
  });
});
