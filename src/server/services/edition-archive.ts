import { createHash, createPublicKey } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import type { z } from 'zod';
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
import { currentSigningKey, keyIdOf, signText } from './signing.ts';
import {
  archiveFormat,
  checked,
  diskName,
  jsonLines,
  keysSchema,
  openArchive,
  parseJsonEntry,
  refused,
  sha256,
  usersSchema,
  withWorkDir,
  type ArchiveLimits,
  type Manifest,
} from './edition-archive-reader.ts';

export { archiveFormat, type ArchiveLimits };
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
