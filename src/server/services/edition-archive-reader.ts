import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import * as archive from '../../db/repositories/edition-archive.ts';
import { keyIdOf, verifySignature } from './signing.ts';

/**
 * Reading an edition archive (docs/edition-archive.md): its manifest and
 * entries checked as they unpack (limits, SHA-256, signature), before
 * `edition-archive.ts` imports anything from it.
 */
export const archiveFormat = 'paritrana.edition-archive/v2';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');
const checksum = z.object({ sha256: hex64, count: z.number().int().min(0) });
export const manifestSchema = z.object({
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
export type Manifest = z.infer<typeof manifestSchema>;

export const usersSchema = z.array(z.object({ id: z.uuid(), email: z.string().min(3).max(320), name: z.string().max(300), locale: z.string().max(10) }));
export const keysSchema = z.array(z.object({ id: z.string().max(64), algorithm: z.literal('ed25519'), publicKey: z.string().min(1).max(2000), createdAt: z.string().max(40) }));

/** How much an imported archive may unpack to; passing either refuses it at once. */
export type ArchiveLimits = { bytes: number; entries: number };
/** The entries read whole into memory (manifest, signature, accounts, keys) are capped on their own. */
const memoryEntryLimit = 64 * 1024 * 1024;

export const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');
export const refused = (message: string, path: string, detail: string): AppError => new AppError('VALIDATION_FAILED', message, [{ path, message: detail }]);

const entryName = /^(manifest\.json|manifest\.sig|users\.json|keys\.json|tables\/[a-z_]+\.jsonl|files\/[0-9a-f]{64})$/;
const inMemory = new Set(['manifest.json', 'manifest.sig', 'users.json', 'keys.json']);
export const diskName = (name: string): string => name.replace('/', '__');

/** What an entry unpacked to: its SHA-256 and size, computed as it streamed to disk. */
export type Unpacked = Map<string, { sha256: string; bytes: number }>;

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
export function parseJsonEntry(bytes: Buffer, name: string): unknown {
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
export function checked<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw refused(`${name} is not what an edition archive holds (${where}${issue.message}); nothing was imported`, issue.path.length > 0 ? `${name}:${issue.path.join('.')}` : name, issue.message);
}

/** An archive unpacked and checked: signed by the key its manifest names, every entry as the manifest says. */
export type OpenedArchive = { dir: string; manifest: Manifest; manifestText: string; entries: Unpacked };

export async function openArchive(path: string, dir: string, limits: ArchiveLimits): Promise<OpenedArchive> {
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

export async function withWorkDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'paritrana-import-'));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function* jsonLines(path: string, name: string): AsyncGenerator<{ row: Record<string, unknown>; line: number }> {
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
