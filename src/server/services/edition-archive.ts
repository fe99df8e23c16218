import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { finished, pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { AppError, notFound } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import * as archive from '../../db/repositories/edition-archive.ts';
import { findEdition } from '../../db/repositories/editions.ts';
import { findSigningKey, insertSigningKey } from '../../db/repositories/publication.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { ArchiveImportResult } from '../../shared/contracts/index.ts';
import { auditActor, type Actor } from '../policies/actor.ts';
import type { FileStore } from '../storage/file-store.ts';
import type { Readable } from 'node:stream';
import { markPublicDataChanged } from '../public-cache.ts';

/**
 * An edition archive (`.tar.gz`): `manifest.json`, one JSON Lines file per
 * table of the edition (`tables/<table>.jsonl`), the accounts its rows name
 * (`users.json`: id, e-mail, name; no password, no roles), the public keys
 * that signed its certificates (`keys.json`) and every evidence file by its
 * SHA-256 (`files/<sha256>`). Importing it into another installation gives
 * the same rows with the same ids, so every frozen scoring package keeps its
 * SHA-256 and recomputes to the same result.
 */
export const archiveFormat = 'paritrana.edition-archive/v1';

type Manifest = {
  format: typeof archiveFormat;
  exportedAt: string;
  edition: { id: string; label: string };
  tables: { name: string; rows: number; sha256: string }[];
  users: { sha256: string; count: number };
  keys: { sha256: string; count: number };
  files: { sha256: string; bytes: number }[];
  /** Evidence rows whose file was already missing from the exporting installation's store. */
  missingFiles: string[];
};

const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

async function addFile(pack: tar.Pack, name: string, path: string): Promise<void> {
  const { size } = await stat(path);
  await addStream(pack, name, size, createReadStream(path));
}

/** Adds a stream of a known size (a stored evidence file, from disk or a bucket). */
async function addStream(pack: tar.Pack, name: string, size: number, stream: Readable): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const entry = pack.entry({ name, size, mode: 0o644 }, (error) => (error ? reject(error) : resolve()));
    stream.on('error', reject).pipe(entry);
  });
}

/** Writes the edition's archive to `outPath`; returns its manifest. */
export async function exportEditionArchive(db: Db, store: FileStore, editionId: string, outPath: string): Promise<Manifest> {
  const edition = await findEdition(db, editionId);
  if (!edition) throw notFound('edition');
  const work = await mkdtemp(join(tmpdir(), 'paritrana-archive-'));
  try {
    const ids = await archive.editionIds(db, editionId);
    const manifest: Manifest = {
      format: archiveFormat,
      exportedAt: new Date().toISOString(),
      edition: { id: edition.id, label: edition.label },
      tables: [],
      users: { sha256: '', count: 0 },
      keys: { sha256: '', count: 0 },
      files: [],
      missingFiles: [],
    };
    const userIds = new Set<string>();
    const keyIds = new Set<string>();
    const evidence = new Map<string, number>();
    for (const { table, scope } of archiveTables()) {
      const name = archive.tableName(table);
      const where = scope(ids);
      const path = join(work, `${name}.jsonl`);
      const out = createWriteStream(path);
      const hash = createHash('sha256');
      let rows = 0;
      const users = archive.userColumns(table);
      if (where) {
        for await (const page of archive.tableRows(db, table, where)) {
          const text = page.map((row) => `${JSON.stringify(row)}\n`).join('');
          hash.update(text);
          if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
          rows += page.length;
          for (const row of page) {
            for (const column of users) if (row[column]) userIds.add(row[column] as string);
            if (name === 'certificates') keyIds.add(String(row.keyId));
            if (name === 'evidence_files') evidence.set(String(row.sha256), Number(row.bytes));
          }
        }
      }
      out.end();
      await finished(out);
      manifest.tables.push({ name, rows, sha256: hash.digest('hex') });
    }
    const users = await archive.usersByIds(db, [...userIds].sort());
    const keys = [];
    for (const id of [...keyIds].sort()) {
      const key = await findSigningKey(db, id);
      if (key) keys.push({ id: key.id, algorithm: key.algorithm, publicKey: key.publicKey, createdAt: key.createdAt.toISOString() });
    }
    const usersText = JSON.stringify(users);
    const keysText = JSON.stringify(keys);
    manifest.users = { sha256: sha256(usersText), count: users.length };
    manifest.keys = { sha256: sha256(keysText), count: keys.length };
    for (const [hash, bytes] of [...evidence].sort()) {
      if (await store.has(hash)) manifest.files.push({ sha256: hash, bytes });
      else manifest.missingFiles.push(hash);
    }

    const pack = tar.pack();
    const written = pipeline(pack, createGzip(), createWriteStream(outPath));
    pack.entry({ name: 'manifest.json' }, JSON.stringify(manifest, null, 2));
    pack.entry({ name: 'users.json' }, usersText);
    pack.entry({ name: 'keys.json' }, keysText);
    for (const t of manifest.tables) await addFile(pack, `tables/${t.name}.jsonl`, join(work, `${t.name}.jsonl`));
    for (const f of manifest.files) await addStream(pack, `files/${f.sha256}`, f.bytes, await store.read(f.sha256));
    pack.finalize();
    await written;
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Every table of an archive, in the order it is inserted. */
export const archiveTables = () => archive.archiveTables;

const entryName = /^(manifest\.json|users\.json|keys\.json|tables\/[a-z_]+\.jsonl|files\/[0-9a-f]{64})$/;

/** Unpacks an archive into a directory, keeping only the entries an archive may hold. */
async function unpack(path: string, dir: string): Promise<void> {
  const extract = tar.extract();
  const reading = pipeline(createReadStream(path), createGunzip(), extract);
  // Awaited below; a failure that ends the loop early must not surface as an unhandled rejection.
  reading.catch(() => undefined);
  for await (const entry of extract) {
    const name = entry.header.name;
    if (entry.header.type !== 'file' || !entryName.test(name)) {
      extract.destroy();
      throw new AppError('VALIDATION_FAILED', `The archive holds an unexpected entry: ${name.slice(0, 100)}`, [{ path: name.slice(0, 100), message: 'not part of an edition archive' }]);
    }
    await pipeline(entry, createWriteStream(join(dir, name.replace('/', '__'))));
  }
  await reading;
}

async function* jsonLines(path: string): AsyncGenerator<Record<string, unknown>> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as Record<string, unknown>;
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/**
 * Restores an edition from its archive, all or nothing: every checksum is
 * checked first, evidence files are stored by their SHA-256, then every row
 * is inserted in one transaction with one audit entry. Accounts are matched
 * by id, then by e-mail; an unknown account is created inactive, without a
 * password or roles. An edition that is already here is refused.
 */
export async function importEditionArchive(db: Db, store: FileStore, actor: Actor | null, path: string): Promise<ArchiveImportResult> {
  const dir = await mkdtemp(join(tmpdir(), 'paritrana-import-'));
  try {
    try {
      await unpack(path, dir);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('VALIDATION_FAILED', 'This is not a readable edition archive (.tar.gz)', [{ path: 'file', message: error instanceof Error ? error.message : String(error) }]);
    }
    const read = (name: string) => readFile(join(dir, name.replace('/', '__')), 'utf8').catch(() => null);
    const manifestText = await read('manifest.json');
    const manifest = manifestText ? (JSON.parse(manifestText) as Manifest) : null;
    if (manifest?.format !== archiveFormat) throw new AppError('VALIDATION_FAILED', `Not an edition archive (${archiveFormat})`, [{ path: 'manifest.json', message: 'missing or of another format' }]);
    const problems: { path: string; message: string }[] = [];
    const usersText = (await read('users.json')) ?? '';
    const keysText = (await read('keys.json')) ?? '';
    if (sha256(usersText) !== manifest.users.sha256) problems.push({ path: 'users.json', message: 'checksum does not match the manifest' });
    if (sha256(keysText) !== manifest.keys.sha256) problems.push({ path: 'keys.json', message: 'checksum does not match the manifest' });
    const known = new Set(archive.archiveTables.map((t) => archive.tableName(t.table)));
    for (const t of manifest.tables) {
      const text = known.has(t.name) ? await read(`tables/${t.name}.jsonl`) : null;
      if (text === null || sha256(text) !== t.sha256) problems.push({ path: `tables/${t.name}.jsonl`, message: 'missing or its checksum does not match the manifest' });
    }
    for (const f of manifest.files) {
      const file = join(dir, `files__${f.sha256}`);
      if ((await fileSha256(file).catch(() => null)) !== f.sha256) problems.push({ path: `files/${f.sha256}`, message: 'missing or its content does not match its SHA-256' });
    }
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 'The archive is damaged; nothing was imported', problems);
    if (await findEdition(db, manifest.edition.id)) throw new AppError('CONFLICT', `The edition "${manifest.edition.label}" is already in this installation`);

    for (const f of manifest.files) await store.put(await readFile(join(dir, `files__${f.sha256}`)));
    const users = JSON.parse(usersText) as { id: string; email: string; name: string; locale: string }[];
    const keys = JSON.parse(keysText) as { id: string; algorithm: string; publicKey: string; createdAt: string }[];
    const counts: Record<string, number> = {};
    let created = 0;
    let current = 'users';
    await db.transaction(async (tx) => {
      const byId = new Set((await archive.usersByIds(tx, users.map((u) => u.id))).map((u) => u.id));
      const byEmail = new Map((await archive.usersByEmails(tx, users.filter((u) => !byId.has(u.id)).map((u) => u.email))).map((u) => [u.email, u.id]));
      const remap = new Map(users.filter((u) => byEmail.has(u.email)).map((u) => [u.id, byEmail.get(u.email)!]));
      const fresh = users.filter((u) => !byId.has(u.id) && !byEmail.has(u.email));
      await archive.insertImportedUsers(tx, fresh);
      created = fresh.length;
      for (const k of keys) await insertSigningKey(tx, { id: k.id, algorithm: k.algorithm, publicKey: k.publicKey, privateKey: null, createdAt: new Date(k.createdAt) });
      for (const { table } of archive.archiveTables) {
        const name = archive.tableName(table);
        if (!manifest.tables.some((t) => t.name === name)) continue;
        current = name;
        const dates = archive.dateColumns(table);
        const userColumns = archive.userColumns(table);
        let batch: Record<string, unknown>[] = [];
        counts[name] = 0;
        for await (const row of jsonLines(join(dir, `tables__${name}.jsonl`))) {
          for (const c of dates) if (row[c] != null) row[c] = new Date(row[c] as string);
          for (const c of userColumns) if (row[c] != null && remap.has(row[c] as string)) row[c] = remap.get(row[c] as string);
          batch.push(row);
          counts[name] += 1;
          if (batch.length >= 2000) {
            await archive.insertRows(tx, table, batch);
            batch = [];
          }
        }
        if (batch.length > 0) await archive.insertRows(tx, table, batch);
      }
      await appendAudit(tx, auditActor(actor), {
        action: 'edition.import',
        entityType: 'edition',
        entityId: manifest.edition.id,
        after: { label: manifest.edition.label, exportedAt: manifest.exportedAt, manifestSha256: sha256(manifestText!), tables: counts, files: manifest.files.length, usersCreated: created, usersMatched: users.length - created },
      });
    }).catch((error: unknown) => {
      if (error instanceof AppError) throw error;
      const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error instanceof Error ? error.message : String(error));
      throw new AppError('CONFLICT', `The archive's rows clash with this installation; nothing was imported`, [{ path: current, message: cause.slice(0, 300) }]);
    });
    markPublicDataChanged();
    return { editionId: manifest.edition.id, label: manifest.edition.label, tables: counts, files: manifest.files.length, users: { created, matched: users.length - created } };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs `use` with a fresh temporary file path, removed afterwards. */
export async function withTempFile<T>(name: string, use: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'paritrana-'));
  try {
    return await use(join(dir, name));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
