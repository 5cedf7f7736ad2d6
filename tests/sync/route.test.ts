import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../src/sync/route';

describe('parseRoute', () => {
  it('reads the home page, a board, a saved version and the administrator page', () => {
    expect(parseRoute('/')).toEqual({ page: 'home' });
    expect(parseRoute('/b/Abcdefghijklmnopqrstuv')).toEqual({ page: 'board', boardId: 'Abcdefghijklmnopqrstuv' });
    expect(parseRoute('/b/Abcdefghijklmnopqrstuv/v/v1')).toEqual({ page: 'version', boardId: 'Abcdefghijklmnopqrstuv', versionId: 'v1' });
    expect(parseRoute('/admin')).toEqual({ page: 'admin' });
    expect(parseRoute('/admin/')).toEqual({ page: 'admin' });
  });

  it('takes nothing else for the administrator page', () => {
    for (const path of ['/admin/boards', '/administration', '/ADMIN', '/b/admin', '/admin?secret=x'])
      expect(parseRoute(path)).toEqual({ page: 'invalid' });
  });
});
