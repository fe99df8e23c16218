import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { z } from 'zod';
import { AppError, notFound } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import * as archive from '../../db/repositories/edition-archive.ts';
import { findEdition } from '../../db/repositories/editions.ts';
import { findSigningKey, insertSigningKey, scopeSigningKey } from '../../db/repositories/publication.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { ArchiveImportResult, ArchiveInspection } from '../../shared/contracts/index.ts';
import { auditActor, type Actor } from '../policies/actor.ts';
import type { FileStore } from '../storage/file-store.ts';
import type { Readable } from 'node:stream';
import { markPublicDataChanged } from '../public-cache.ts';
import { currentSigningKey, keyIdOf, signText, verifySignature } from './signing.ts';
/**
 * An edition archive (`.tar.gz`): `manifest.json`, signed by the exporting
 * installation's Ed25519 key (`manifest.sig`), one JSON Lines file per table
 * of the edition (`tables/<table>.jsonl`), the accounts its rows name
 * (`users.json`: id, e-mail, name; no password, no roles), the public keys
 * that signed its certificates (`keys.json`) and every evidence file by its
 * SHA-256 (`files/<sha256>`). The manifest holds the SHA-256 of every other
 * entry, so its signature covers the whole archive. Importing it into
 * another installation gives the same rows with the same ids, so every
 * frozen scoring package keeps its SHA-256 and recomputes to the same
 * result. docs/edition-archive.md describes the format and what import checks.
 */
export const archiveFormat = 'paritrana.edition-archive/v2';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');
const checksum = z.object({ sha256: hex64, count: z.number().int().min(0) });
const manifestSchema = z.object({
  format: z.literal(archiveFormat),
  exportedAt: z.string().max(40),
  /** Who exported (and signed) the archive: the installation's name and the key's fingerprint (its key id). */
  signer: z.object({ installation: z.string().min(1).max(200), fingerprint: z.string().regex(/^[0-9a-f]{32}$/), publicKeyPem: z.string().min(1).max(2000) }),
  edition: z.object({ id: z.uuid(), label: z.string().min(1).max(300) }),
  tables: z.array(z.object({ name: z.string().regex(/^[a-z_]{1,63}$/), rows: z.number().int().min(0), sha256: hex64 })).max(100),
  users: checksum,
  keys: checksum,
  files: z.array(z.object({ sha256: hex64, bytes: z.number().int().min(0) })),
  /** Evidence rows whose file was already missing from the exporting installation's store. */
  missingFiles: z.array(hex64),
  /** Pools not finalised when exported: their marks, sheets and results stay in their installation. */
  withheldPools: z.array(z.uuid()),
});
type Manifest = z.infer<typeof manifestSchema>;

const usersSchema = z.array(z.object({ id: z.uuid(), email: z.string().min(3).max(320), name: z.string().max(300), locale: z.string().max(10) }));
const keysSchema = z.array(z.object({ id: z.string().max(64), algorithm: z.literal('ed25519'), publicKey: z.string().min(1).max(2000), createdAt: z.string().max(40) }));

/** How much an imported archive may unpack to; passing either refuses it at once. */
export type ArchiveLimits = { bytes: number; entries: number };
/** The entries read whole into memory (manifest, signature, accounts, keys) are capped on their own. */
const memoryEntryLimit = 64 * 1024 * 1024;

const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');
const refused = (message: string, path: string, detail: string): AppError => new AppError('VALIDATION_FAILED', message, [{ path, message: detail }]);

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

/**
 * Writes the edition's archive to `outPath`, signed with this installation's
 * key under its name; returns its manifest. Pools that are not finalised
 * leave out their marks, sheets and results (a stage still open must not
 * show one juror's marks to anyone holding the archive).
 */
export async function exportEditionArchive(db: Db, store: FileStore, editionId: string, outPath: string, options: { installation: string }): Promise<Manifest> {
  const edition = await findEdition(db, editionId);
  if (!edition) throw notFound('edition');
  const signer = await db.transaction((tx) => currentSigningKey(tx));
  const publicKeyPem = createPublicKey(signer.key).export({ type: 'spki', format: 'pem' }) as string;
  const work = await mkdtemp(join(tmpdir(), 'paritrana-archive-'));
  try {
    const ids = await archive.editionIds(db, editionId);
    const manifest: Manifest = {
      format: archiveFormat,
      exportedAt: new Date().toISOString(),
      signer: { installation: options.installation, fingerprint: signer.id, publicKeyPem },
      edition: { id: edition.id, label: edition.label },
      tables: [],
      users: { sha256: '', count: 0 },
      keys: { sha256: '', count: 0 },
      files: [],
      missingFiles: [],
      withheldPools: ids.poolIds.filter((id) => !ids.finalPoolIds.includes(id)).sort(),
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

    const manifestText = JSON.stringify(manifest, null, 2);
    const pack = tar.pack();
    const written = pipeline(pack, createGzip(), createWriteStream(outPath));
    pack.entry({ name: 'manifest.json' }, manifestText);
    pack.entry({ name: 'manifest.sig' }, signText(signer.key, manifestText));
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

const entryName = /^(manifest\.json|manifest\.sig|users\.json|keys\.json|tables\/[a-z_]+\.jsonl|files\/[0-9a-f]{64})$/;
const inMemory = new Set(['manifest.json', 'manifest.sig', 'users.json', 'keys.json']);
const diskName = (name: string): string => name.replace('/', '__');

/** What an entry unpacked to: its SHA-256 and size, computed as it streamed to disk. */
type Unpacked = Map<string, { sha256: string; bytes: number }>;

/**
 * Unpacks an archive into a directory, keeping only the entries an archive
 * may hold, once each. The unpacked bytes and the entries are counted as
 * they stream, so a tar bomb is refused as soon as it passes a limit, and
 * each entry is hashed on its way to disk.
 */
async function unpack(path: string, dir: string, limits: ArchiveLimits): Promise<Unpacked> {
  const tooLarge = () =>
    refused(`The archive unpacks to more than ${Math.floor(limits.bytes / 1024 / 1024)} MiB; nothing was imported`, 'file', `larger than ${limits.bytes} bytes unpacked`);
  let unpacked = 0;
  let overLimit = false;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      unpacked += chunk.length;
      if (unpacked > limits.bytes) {
        overLimit = true;
        done(tooLarge());
      } else done(null, chunk);
    },
  });
  const extract = tar.extract();
  const reading = pipeline(createReadStream(path), createGunzip(), counter, extract);
  // Awaited below; a failure that ends the loop early must not surface as an unhandled rejection.
  reading.catch(() => undefined);
  const out: Unpacked = new Map();
  try {
    for await (const entry of extract) {
      const name = entry.header.name;
      if (entry.header.type !== 'file' || !entryName.test(name) || out.has(name)) {
        throw refused(`The archive holds an unexpected entry: ${name.slice(0, 100)}`, name.slice(0, 100), out.has(name) ? 'appears twice' : 'not part of an edition archive');
      }
      if (out.size + 1 > limits.entries) throw refused(`The archive holds more than ${limits.entries} entries; nothing was imported`, 'file', `more than ${limits.entries} entries`);
      const size = entry.header.size ?? 0;
      if (unpacked + size > limits.bytes) {
        overLimit = true;
        throw tooLarge();
      }
      if (inMemory.has(name) && size > memoryEntryLimit) throw refused(`${name} is larger than ${memoryEntryLimit / 1024 / 1024} MiB`, name, 'too large');
      const hash = createHash('sha256');
      let bytes = 0;
      const hashing = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(entry, hashing, createWriteStream(join(dir, diskName(name))));
      out.set(name, { sha256: hash.digest('hex'), bytes });
    }
    await reading;
  } catch (error) {
    extract.destroy();
    if (overLimit) throw tooLarge();
    throw error;
  }
  return out;
}

/** Strict UTF-8 then JSON, refusing with the entry's name and the problem. */
function parseJsonEntry(bytes: Buffer, name: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refused(`${name} is not UTF-8 text; nothing was imported`, name, 'not UTF-8');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    throw refused(`${name} is not valid JSON (${problem}); nothing was imported`, name, problem);
  }
}

/** Checks a parsed entry against its schema, refusing with the first problem's path. */
function checked<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw refused(`${name} is not what an edition archive holds (${where}${issue.message}); nothing was imported`, issue.path.length > 0 ? `${name}:${issue.path.join('.')}` : name, issue.message);
}

/** An archive unpacked and checked: signed by the key its manifest names, every entry as the manifest says. */
type OpenedArchive = { dir: string; manifest: Manifest; manifestText: string; entries: Unpacked };

async function openArchive(path: string, dir: string, limits: ArchiveLimits): Promise<OpenedArchive> {
  let entries: Unpacked;
  try {
    entries = await unpack(path, dir, limits);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refused('This is not a readable edition archive (.tar.gz)', 'file', error instanceof Error ? error.message : String(error));
  }
  const read = (name: string) => (entries.has(name) ? readFile(join(dir, diskName(name))) : Promise.resolve(null));
  const manifestBytes = await read('manifest.json');
  if (!manifestBytes) throw refused(`Not an edition archive (${archiveFormat})`, 'manifest.json', 'missing');
  const raw = parseJsonEntry(manifestBytes, 'manifest.json');
  if ((raw as { format?: unknown } | null)?.format === 'paritrana.edition-archive/v1') {
    throw refused('This archive was made before archives were signed; export it again from its installation', 'manifest.json', 'format v1 is not signed');
  }
  const manifest = checked(manifestSchema, raw, 'manifest.json');

  const signature = (await read('manifest.sig'))?.toString('utf8').trim() ?? '';
  if (signature === '') throw refused('The archive is not signed; nothing was imported', 'manifest.sig', 'missing');
  let key: KeyObject;
  try {
    key = createPublicKey(manifest.signer.publicKeyPem);
  } catch {
    throw refused('The archive names a signing key that cannot be read; nothing was imported', 'manifest.json:signer.publicKeyPem', 'not a public key');
  }
  if (key.asymmetricKeyType !== 'ed25519' || keyIdOf(manifest.signer.publicKeyPem) !== manifest.signer.fingerprint) {
    throw refused("The archive's signer fingerprint is not that of its key; nothing was imported", 'manifest.json:signer.fingerprint', 'does not match the public key');
  }
  if (!verifySignature(key, manifestBytes, signature)) {
    throw refused('The archive’s signature does not match: it was altered or not signed by the key it names; nothing was imported', 'manifest.sig', 'bad signature');
  }

  const problems: { path: string; message: string }[] = [];
  const expected = new Map<string, string>([
    ['users.json', manifest.users.sha256],
    ['keys.json', manifest.keys.sha256],
  ]);
  const known = new Set(archive.archiveTables.map((t) => archive.tableName(t.table)));
  for (const t of manifest.tables) {
    const name = `tables/${t.name}.jsonl`;
    if (!known.has(t.name) || expected.has(name)) problems.push({ path: name, message: 'not a table of an edition archive, or listed twice' });
    else expected.set(name, t.sha256);
  }
  for (const f of manifest.files) expected.set(`files/${f.sha256}`, f.sha256);
  for (const [name, hash] of expected) {
    if (entries.get(name)?.sha256 !== hash) {
      problems.push({ path: name, message: name.startsWith('files/') ? 'missing or its content does not match its SHA-256' : 'missing or its checksum does not match the manifest' });
    }
  }
  for (const name of entries.keys()) {
    if (!expected.has(name) && name !== 'manifest.json' && name !== 'manifest.sig') problems.push({ path: name, message: 'not listed in the manifest' });
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 'The archive is damaged; nothing was imported', problems);
  return { dir, manifest, manifestText: manifestBytes.toString('utf8'), entries };
}

async function withWorkDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'paritrana-import-'));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const signerOf = (m: Manifest) => ({ installation: m.signer.installation, fingerprint: m.signer.fingerprint });

/**
 * Checks an archive without importing it: who signed it and what it holds,
 * for the national admin to confirm before importing.
 */
export async function inspectEditionArchive(db: Db, path: string, limits: ArchiveLimits): Promise<ArchiveInspection> {
  return withWorkDir(async (dir) => {
    const { manifest } = await openArchive(path, dir, limits);
    return {
      signer: signerOf(manifest),
      edition: manifest.edition,
      exportedAt: manifest.exportedAt,
      alreadyHere: (await findEdition(db, manifest.edition.id)) !== null,
      tables: Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows])),
      files: manifest.files.length,
      users: manifest.users.count,
      withheldPools: manifest.withheldPools.length,
    };
  });
}

async function* jsonLines(path: string, name: string): AsyncGenerator<{ row: Record<string, unknown>; line: number }> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch {
      throw refused(`${name} line ${line} is not JSON; nothing was imported`, `${name}:${line}`, 'not JSON');
    }
    if (row === null || typeof row !== 'object' || Array.isArray(row)) throw refused(`${name} line ${line} is not a row; nothing was imported`, `${name}:${line}`, 'not an object');
    yield { row: row as Record<string, unknown>, line };
  }
}

/**
 * Restores an edition from its archive, all or nothing, once the national
 * admin has confirmed who signed it (`trust`: the signer's fingerprint).
 * The archive's signature and every checksum are checked first. Every row
 * must belong to the archive's edition and every reference must resolve to
 * a row of the archive, an account of `users.json`, a key of `keys.json`
 * (whose ids are recomputed from the keys) or the regions every
 * installation holds; anything else refuses the whole import, naming the
 * table and line. Evidence files are stored by their SHA-256 and removed
 * again when the import is refused. Accounts are matched by id, then by
 * e-mail; an unknown account is created inactive, without a password or
 * roles. An imported key verifies only this edition's certificates. An
 * edition that is already here is refused.
 */
export async function importEditionArchive(
  db: Db,
  store: FileStore,
  actor: Actor | null,
  path: string,
  options: { trust: string | null; limits: ArchiveLimits },
): Promise<ArchiveImportResult> {
  return withWorkDir(async (dir) => {
    const { manifest, manifestText } = await openArchive(path, dir, options.limits);
    const signer = signerOf(manifest);
    if (options.trust !== signer.fingerprint) {
      throw refused(
        `Confirm who signed this archive before importing it: installation "${signer.installation}", key fingerprint ${signer.fingerprint}`,
        'trust',
        options.trust ? 'does not match the fingerprint of the archive’s signer' : 'required',
      );
    }
    if (await findEdition(db, manifest.edition.id)) throw new AppError('CONFLICT', `The edition "${manifest.edition.label}" is already in this installation`);

    const users = checked(usersSchema, parseJsonEntry(await readFile(join(dir, 'users.json')), 'users.json'), 'users.json');
    const keys = checked(keysSchema, parseJsonEntry(await readFile(join(dir, 'keys.json')), 'keys.json'), 'keys.json');
    for (const k of keys) {
      // A key's id is the hash of the key: one that claims another id is refused, never trusted.
      if (ed25519KeyId(k.publicKey) !== k.id) throw refused(`keys.json: the key ${k.id.slice(0, 64)} is not an Ed25519 key with that id; nothing was imported`, 'keys.json', `key ${k.id.slice(0, 64)}`);
    }

    // Evidence files first, remembering which ones this import added, so a refusal can take them back.
    const added: string[] = [];
    try {
      for (const f of manifest.files) {
        if (await store.has(f.sha256)) continue;
        await store.put(await readFile(join(dir, diskName(`files/${f.sha256}`))));
        added.push(f.sha256);
      }
      const result = await insertArchive(db, store, actor, dir, manifest, manifestText, users, keys);
      markPublicDataChanged();
      return result;
    } catch (error) {
      for (const hash of added) await store.remove(hash);
      throw error;
    }
  });
}

/** The id of an Ed25519 public key (PEM), or null when it is not one. */
function ed25519KeyId(pem: string): string | null {
  try {
    return createPublicKey(pem).asymmetricKeyType === 'ed25519' ? keyIdOf(pem) : null;
  } catch {
    return null;
  }
}

type ArchiveUser = z.infer<typeof usersSchema>[number];
type ArchiveKey = z.infer<typeof keysSchema>[number];

async function insertArchive(
  db: Db,
  store: FileStore,
  actor: Actor | null,
  dir: string,
  manifest: Manifest,
  manifestText: string,
  users: ArchiveUser[],
  keys: ArchiveKey[],
): Promise<ArchiveImportResult> {
  const editionId = manifest.edition.id;
  const counts: Record<string, number> = {};
  const userIds = new Set(users.map((u) => u.id));
  const keyIds = new Set(keys.map((k) => k.id));
  const files = new Set(manifest.files.map((f) => f.sha256));
  const missing = new Set(manifest.missingFiles);
  const usedFiles = new Set<string>();
  const known = new Set(archive.archiveTables.map((t) => archive.tableName(t.table)));
  /** The ids of the rows inserted so far, by table: what later rows may reference. */
  const inserted = new Map<string, Set<string>>();
  let created = 0;
  let current = 'users';

  /** Why a row may not come in, or null: it must be the archive's edition's and reference only what the archive brings. */
  const problemOf = async (name: string, table: (typeof archive.archiveTables)[number]['table'], row: Record<string, unknown>): Promise<string | null> => {
    if (name === 'editions' && row.id !== editionId) return `id ${String(row.id)} is not the archive's edition ${editionId}`;
    if ('editionId' in row && row.editionId !== editionId) return `editionId ${String(row.editionId)} is not the archive's edition ${editionId}`;
    for (const ref of archive.references(table)) {
      const value = row[ref.column];
      if (value === null || value === undefined) continue;
      const v = typeof value === 'string' ? value : JSON.stringify(value);
      if (ref.table === 'users') {
        if (!userIds.has(v)) return `${ref.column} ${v} is not an account of users.json`;
      } else if (ref.table === 'signing_keys') {
        if (!keyIds.has(v)) return `${ref.column} ${v} is not a key of keys.json`;
      } else if (known.has(ref.table)) {
        if (!inserted.get(ref.table)?.has(v)) return `${ref.column} ${v} is not a row of ${ref.table} in this archive`;
      }
      // Anything else is reference data every installation holds (provinces, regencies), checked by the database.
    }
    if (name === 'evidence_files') {
      const hash = String(row.sha256);
      if (files.has(hash)) usedFiles.add(hash);
      else if (!missing.has(hash) || (await store.has(hash))) return `sha256 ${hash} is not a file of this archive`;
    }
    if (name === 'certificates') {
      const payload = row.payload as { edition?: { id?: unknown }; result?: { id?: unknown } } | null;
      if (payload?.edition?.id !== editionId || payload.result?.id !== row.resultId) return 'its payload certifies another edition or result';
    }
    return null;
  };

  await db
    .transaction(async (tx) => {
      const byId = new Set((await archive.usersByIds(tx, users.map((u) => u.id))).map((u) => u.id));
      const byEmail = new Map((await archive.usersByEmails(tx, users.filter((u) => !byId.has(u.id)).map((u) => u.email))).map((u) => [u.email, u.id]));
      const remap = new Map(users.filter((u) => byEmail.has(u.email)).map((u) => [u.id, byEmail.get(u.email)!]));
      const fresh = users.filter((u) => !byId.has(u.id) && !byEmail.has(u.email));
      await archive.insertImportedUsers(tx, fresh);
      created = fresh.length;
      current = 'keys';
      for (const k of keys) {
        await insertSigningKey(tx, { id: k.id, algorithm: k.algorithm, publicKey: k.publicKey, privateKey: null, createdAt: new Date(k.createdAt) });
      }
      for (const { table } of archive.archiveTables) {
        const name = archive.tableName(table);
        const listed = manifest.tables.find((t) => t.name === name);
        if (!listed) continue;
        current = name;
        const dates = archive.dateColumns(table);
        const userColumns = archive.userColumns(table);
        const ids = archive.hasId(table) ? new Set<string>() : null;
        if (ids) inserted.set(name, ids);
        let batch: Record<string, unknown>[] = [];
        counts[name] = 0;
        const file = `tables/${name}.jsonl`;
        for await (const { row, line } of jsonLines(join(dir, diskName(file)), file)) {
          const problem = await problemOf(name, table, row);
          if (problem) throw refused(`${file} line ${line}: ${problem}; nothing was imported`, `${file}:${line}`, problem);
          for (const c of dates) if (row[c] != null) row[c] = new Date(row[c] as string);
          for (const c of userColumns) if (row[c] != null && remap.has(row[c] as string)) row[c] = remap.get(row[c] as string);
          if (ids && typeof row.id === 'string') ids.add(row.id);
          batch.push(row);
          counts[name] += 1;
          if (batch.length >= 2000) {
            await archive.insertRows(tx, table, batch);
            batch = [];
          }
        }
        if (batch.length > 0) await archive.insertRows(tx, table, batch);
        if (counts[name] !== listed.rows) throw refused(`${file} holds ${counts[name]} rows, not the ${listed.rows} its manifest says; nothing was imported`, file, 'row count');
      }
      if (counts.editions !== 1) throw refused('The archive holds no edition; nothing was imported', 'tables/editions.jsonl', 'one row expected');
      const unused = [...files].filter((f) => !usedFiles.has(f));
      if (unused.length > 0) throw refused(`files/${unused[0]} is not the file of any evidence record of the archive; nothing was imported`, `files/${unused[0]}`, 'not referenced');
      // An imported key verifies this edition's certificates and no other's.
      for (const k of keys) await scopeSigningKey(tx, k.id, editionId);
      await appendAudit(tx, auditActor(actor), {
        action: 'edition.import',
        entityType: 'edition',
        entityId: editionId,
        after: {
          label: manifest.edition.label,
          exportedAt: manifest.exportedAt,
          signer: signerOf(manifest),
          manifestSha256: sha256(manifestText),
          tables: counts,
          files: manifest.files.length,
          keys: keys.map((k) => k.id),
          usersCreated: created,
          usersMatched: users.length - created,
          withheldPools: manifest.withheldPools.length,
        },
      });
    })
    .catch((error: unknown) => {
      if (error instanceof AppError) throw error;
      const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error instanceof Error ? error.message : String(error));
      throw new AppError('CONFLICT', `The archive's rows clash with this installation; nothing was imported`, [{ path: current, message: cause.slice(0, 300) }]);
    });
  return {
    editionId,
    label: manifest.edition.label,
    signer: signerOf(manifest),
    tables: counts,
    files: manifest.files.length,
    users: { created, matched: users.length - created },
  };
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
