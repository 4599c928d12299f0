import { describe, expect, it } from 'vitest';
import { API_NAMES, HOST_CALLS } from '../../../shared/api/contract';
import { openDatabase } from '../../../db/connection';
import { migrate } from '../../../db/migrations';
import { systemClock } from '../../../db/repos/clock';
import { databaseHandlers } from '../../../db/service/database-handlers';
import { handlerContext } from '../../../db/service/handler-context';
import { importHandlers } from '../../../db/service/import-handlers';
import { portfolioHandlers } from '../../../db/service/portfolio-handlers';
import { reportHandlers } from '../../../db/service/report-handlers';
import { taggingHandlers } from '../../../db/service/tagging-handlers';
import { valuationHandlers } from '../../../db/service/valuation-handlers';
import { clientHandlers } from '../../../db/service/client-handlers';
import { sampleHandlers } from '../../../db/service/sample-handlers';
import { securityHandlers } from '../../../db/service/security-handlers';

describe('backend handlers by feature', () => {
  it('each backend call is defined by exactly one feature (a spread would hide a second definition)', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    const c = handlerContext(db, systemClock, { dbPath: ':memory:', pdfRenderer: () => Promise.reject(new Error('not called')) });
    const imports = importHandlers(c);
    const sets = [imports.handlers, portfolioHandlers(c), taggingHandlers(c), valuationHandlers(c), reportHandlers(c), clientHandlers(c), securityHandlers(c), databaseHandlers(c, imports.state), sampleHandlers(c, () => { throw new Error('not called'); })];
    const names = sets.flatMap((s) => Object.keys(s));
    expect(names.length).toBe(new Set(names).size);
    const backendCalls = API_NAMES.filter((n) => !(HOST_CALLS as readonly string[]).includes(n));
    expect([...names].sort()).toEqual([...backendCalls].sort());
    db.close();
  });
});
