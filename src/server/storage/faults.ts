/** Errors of the operating system that mean the file store cannot write (or read) now. */
const fileStoreErrno: Record<string, string> = {
  EROFS: 'read-only file system',
  ENOSPC: 'disk full',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a path of the file store is not a directory',
  EIO: 'input/output error',
};

/** The reason a file-store operation failed, when it failed for one of the reasons above. */
export function fileStoreFault(error: unknown): string | null {
  const e = error as { code?: unknown; syscall?: unknown } | null;
  if (typeof e !== 'object' || e === null || typeof e.syscall !== 'string' || typeof e.code !== 'string') return null;
  return fileStoreErrno[e.code] ?? null;
}
