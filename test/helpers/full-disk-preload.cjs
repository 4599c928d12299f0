// Test only (test/reliability/full-disk.test.ts), loaded with `node -r` into a `themelens` process
// (and so into its threads, which inherit node's options): the import's own connection is capped at
// THEMELENS_FULL_DISK_PAGES pages (SQLite's max_page_count), so the import meets a full disk. That
// connection is every writable one after the first in the main thread (a small file's import), or
// any writable one on the import thread (a large file's). The product has no such switch: the cap
// is put in from outside.
const Database = require('better-sqlite3');
const { isMainThread } = require('node:worker_threads');

const pages = Number(process.env.THEMELENS_FULL_DISK_PAGES);
let opened = isMainThread ? 0 : 1;

class CappedDatabase extends Database {
  constructor(...args) {
    super(...args);
    opened += 1;
    if (opened > 1 && !this.readonly && pages > 0) this.pragma(`max_page_count = ${Math.floor(pages)}`);
  }
}

require.cache[require.resolve('better-sqlite3')].exports = CappedDatabase;
