/** Tables every ThemeLens database since the first release holds: how a file from before application_id, or a backup, is told from another program's. */
export const OUR_TABLES: readonly string[] = ['portfolios', 'snapshots', 'positions', 'themes'];
