import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';

describe('DATABASE_URL', () => {
  it('keeps SQLite when unset or blank', () => {
    expect(loadConfig({}).databaseUrl).toBeNull();
    expect(loadConfig({ DATABASE_URL: '  ' }).databaseUrl).toBeNull();
  });

  it('takes postgres:// and postgresql:// URLs naming a host and a database', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://parcours:secret@db.internal:5432/parcours' }).databaseUrl).toBe(
      'postgres://parcours:secret@db.internal:5432/parcours',
    );
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/parcours' }).databaseUrl).toBe('postgresql://db/parcours');
    expect(loadConfig({ DATABASE_URL: 'postgres:///parcours?host=/run/postgresql' }).databaseUrl).toBe(
      'postgres:///parcours?host=/run/postgresql',
    );
  });

  it('refuses anything else with a message naming the variable, before any other setting is read', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/parcours' })).toThrow(/DATABASE_URL .*postgres:\/\//);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db' })).toThrow(/DATABASE_URL .*no database/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres:///parcours' })).toThrow(/DATABASE_URL .*no host/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db:port/x' })).toThrow(/DATABASE_URL .*not a valid URL/);
    expect(() => loadConfig({ DATABASE_URL: 'parcours.sqlite', PORT: 'nope' })).toThrow(/DATABASE_URL/);
  });
});
