/**
 * A tag file is read once per import: the rows applied are the rows previewed. Read twice (once to
 * preview, once to apply), a file changed in between had its rows applied under the securities the
 * preview had resolved for other rows, matched by place. Here the "file" changes after its first read.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { migrate } from '../../../db/migrations';
import { listTags } from '../../../db/repos/tags';
import { importTags } from '../../../db/tags/tag-file';
import { makeTempDir } from '../../helpers/temp-dir';
import type * as ReadTextInput from '../../../db/files/read-text-input';

const reads = vi.hoisted(() => ({ count: 0, second: null as string | null }));
vi.mock('../../../db/files/read-text-input', async (original) => {
  const real = await original<typeof ReadTextInput>();
  return {
    ...real,
    // The first read is the file as written; any later read gets what the file became meanwhile.
    readTextInput: (...args: Parameters<typeof real.readTextInput>) => {
      reads.count++;
      return reads.count > 1 && reads.second !== null ? reads.second : real.readTextInput(...args);
    },
  };
});

describe('importing a tag file', () => {
  const temp = makeTempDir('themelens-tag-read-once-');
  afterAll(() => temp.cleanup());

  it('reads it once and applies exactly the tags it previewed', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    const path = join(temp.dir, 'tags.csv');
    writeFileSync(path, 'symbol,theme,weight,rationale,source\nNVDA,data-centers,0.6,,\nKMI,oil-logistics,1,,\n');
    // The same file with its rows the other way round, as if saved again while it was imported.
    reads.second = 'symbol,theme,weight,rationale,source\nKMI,oil-logistics,1,,\nNVDA,data-centers,0.6,,\n';
    const preview = importTags(db, path, '2026-12-06T00:00:00.000Z');
    expect(reads.count).toBe(1);
    expect(preview.rows.map((r) => [r.symbolKey, r.themeId, r.newWeightBp])).toEqual([
      ['NVDA', 'data-centers', 6000],
      ['KMI', 'oil-logistics', 10000],
    ]);
    expect(listTags(db).map((t) => [t.symbolKey, t.themeId, t.weightBp]).sort()).toEqual([
      ['KMI', 'oil-logistics', 10000],
      ['NVDA', 'data-centers', 6000],
    ]);
    db.close();
  });
});
