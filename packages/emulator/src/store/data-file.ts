import { accessSync, constants, type FSWatcher, mkdirSync, statSync, watch } from 'node:fs';
import { dirname, join } from 'node:path';
import type SQLite from 'better-sqlite3';

/** Why the data file cannot be used, on one line: what is wrong and what to do. */
export class DataFileError extends Error {
  override name = 'DataFileError';
}

const CHOOSE_ANOTHER = 'move it away or choose another --data';
const MAKE_WRITABLE = 'make it and its directory writable for this user, or choose another --data';

/**
 * Before SQLite opens the file: the path names a file, its directory exists or can be made, and an existing
 * file is writable.
 */
export function prepareDataFile(file: string): void {
  if (isDirectory(file)) {
    throw new DataFileError(
      `${file} is a directory, not a data file: give --data a file path such as ${join(file, 'wxlocal.db')}`,
    );
  }
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    throw new DataFileError(
      `cannot create the directory of ${file} (${(error as Error).message}): choose another --data`,
    );
  }
  checkWritable(file);
}

/**
 * SQLite would take a read-only file read-only, and the exclusive lock (see openSqlite) then fails as a
 * "disk I/O error": ask the system first. Root passes, as it writes anyway; the write at open checks the rest.
 */
function checkWritable(file: string): void {
  try {
    accessSync(file, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new DataFileError(`${file} is not writable (${code}): ${MAKE_WRITABLE}`);
    // ENOENT: SQLite creates it.
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false; // e.g. ENOTDIR: creating the directory reports it
  }
}

/**
 * After SQLite opened the file: it is an intact database this process can write. The write is real (then
 * rolled back) because permission bits do not stop root, while a read-only file, mount or attribute does, and
 * otherwise only the first write after start-up would fail.
 */
export function checkDataFile(raw: SQLite.Database, file: string): void {
  const results = (raw.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
  if (results[0] !== 'ok') {
    const details = results.join(' ').replace(/\*\*\* in database main \*\*\*\s*/g, '');
    throw new DataFileError(`${file} is damaged (quick_check: ${oneLine(details)}): ${CHOOSE_ANOTHER}`);
  }
  try {
    raw.exec('begin; create table wxlocal_write_probe (x)');
  } finally {
    if (raw.inTransaction) raw.exec('rollback');
  }
}

/** The DataFileError for what SQLite answered while opening or checking the file; other errors as they are. */
export function dataFileError(file: string, error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (error instanceof DataFileError || typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  // The lock of another server (or program): the file is fine, only taken.
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DataFileError(
      `${file} is in use by another wxlocal (or another program): stop it, or choose another --data`,
    );
  }
  const cause = oneLine((error as Error).message);
  const [what, advice] = sqliteProblem(code);
  return new DataFileError(`${file} ${what} (${cause}): ${advice}`);
}

function sqliteProblem(code: string): [what: string, advice: string] {
  if (code === 'SQLITE_NOTADB') return ['is not a wxlocal data file', CHOOSE_ANOTHER];
  if (code.startsWith('SQLITE_CORRUPT')) return ['is damaged', CHOOSE_ANOTHER];
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') {
    return ['is not writable', MAKE_WRITABLE];
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return [
      'cannot be opened',
      'check the permissions of the file and its directory, or choose another --data',
    ];
  }
  return ['cannot be used', CHOOSE_ANOTHER];
}

/** A migration that fails on an opened file: written by a later wxlocal, or not wxlocal's. */
export function migrationError(file: string, error: unknown): DataFileError {
  if (error instanceof DataFileError) return error;
  const cause = oneLine(error instanceof Error ? error.message : String(error));
  return new DataFileError(
    `${file} cannot be brought to this wxlocal's schema (${cause}): use the wxlocal that wrote it, ${CHOOSE_ANOTHER}`,
  );
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, '; ').trim();
}

/**
 * Notices the data file being removed or replaced while the store runs: SQLite keeps using the file it opened,
 * so later writes would be acknowledged and then lost. The path's device and inode are compared with the ones
 * opened on each fs.watch event, once a second, and on demand (`check`). A problem, once found, stays.
 */
export class FileWatch {
  private readonly opened: string | undefined;
  private problem: string | null = null;
  private readonly timer: NodeJS.Timeout;
  private readonly watcher: FSWatcher | undefined;

  constructor(private readonly file: string) {
    this.opened = identity(file);
    this.timer = setInterval(() => this.check(), 1000);
    this.timer.unref();
    this.watcher = watchPath(file, () => this.check());
  }

  /** null while the path still names the file opened; otherwise why not. */
  check(): string | null {
    if (this.problem) return this.problem;
    let now: string | undefined;
    try {
      now = identity(this.file);
    } catch (error) {
      return this.found(`data file ${this.file} cannot be checked (${(error as Error).message})`);
    }
    if (now === this.opened) return null;
    const what = now === undefined ? 'was removed' : 'was replaced by another file';
    return this.found(
      `data file ${this.file} ${what} while wxlocal ran: writes are refused; restart wxlocal`,
    );
  }

  /** Throws the problem, if any: called before a write is committed. */
  assertIntact(): void {
    const problem = this.check();
    if (problem) throw new DataFileError(problem);
  }

  stop(): void {
    clearInterval(this.timer);
    this.watcher?.close();
  }

  private found(problem: string): string {
    this.problem = problem;
    this.stop();
    // The store is created before the app's logger, so it reports on stderr itself; once.
    console.error(`wxlocal: ${problem}`);
    return problem;
  }
}

/** Device and inode of what the path names now (bigint: inodes may pass 2^53); undefined when nothing. */
function identity(file: string): string | undefined {
  try {
    const stats = statSync(file, { bigint: true, throwIfNoEntry: false });
    return stats && `${stats.dev}:${stats.ino}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined; // a directory became a file
    throw error;
  }
}

/** fs.watch when the platform offers it; the periodic check covers the rest. */
function watchPath(file: string, onEvent: () => void): FSWatcher | undefined {
  try {
    const watcher = watch(file, { persistent: false }, onEvent);
    watcher.on('error', () => watcher.close());
    return watcher;
  } catch {
    return undefined;
  }
}
