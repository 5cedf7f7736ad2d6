/**
 * How the relay opens each of its SQLite files in DATA_DIR (boards, metadata, KPIs): the same
 * durability settings, and the schema brought up to date step by step under `user_version`.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Opens (creating it and `dataDir` if needed) `file` in `dataDir`; `migrations[n]` brings the
 * schema from user_version n to n + 1, each step in its own transaction. A file written by a
 * newer relay (more steps than it knows) is refused, named by `store`.
 */
export function openSqliteFile(dataDir: string, file: string, store: string, migrations: readonly string[]): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, file));
  // WAL + NORMAL: a committed write is in the WAL file before it returns, so it survives the
  // process being killed; only an OS crash or power cut can lose the last commits.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Relays sharing one data directory wait for each other's writes instead of failing.
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db, store, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function migrate(db: Database.Database, store: string, migrations: readonly string[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`${store} schema version ${current} is newer than this relay understands (${migrations.length})`);
  }
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
