import type { BackendHandlers } from '../shared/api/contract';
import { SAMPLE_CLIENT } from '../shared/samples/household';
import { parseCommandArgs, type Io } from './args';
import { UsageError } from './errors';
import { counted } from './plural';
import { exposureCommand } from './exposure-command';

/**
 * `themelens demo [--remove] [--db PATH]`: loads the sample household (three brokers' files, a
 * fund's holdings, tags from the pack) into an empty database and prints its exposure table: the
 * main job, working on a fresh machine, in one command. --remove takes it all away again.
 */
export async function demoCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { remove: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError(`demo takes no positional argument (got "${positionals[0]}")`);
  if (values.remove) {
    const { removed } = await h.removeSampleHousehold({});
    io.out(`Removed the sample household: ${counted(removed, 'portfolio')}, its fund file, sample rates and the tags it accepted.\n`);
    return;
  }
  const loaded = await h.loadSampleHousehold({});
  io.out(`Loaded "${loaded.client}": ${loaded.portfolios} portfolios (a US brokerage, a DEGIRO account in EUR, an SBI NISA account in JPY), a fictional ETF's holdings file, and ${counted(loaded.tagged, 'tag')} accepted from the pack. Invented data, for trying ThemeLens.\n\n`);
  await exposureCommand(h, ['--client', SAMPLE_CLIENT, '--base-currency', 'USD'], io);
  io.out(`\nNext: themelens report --client "${SAMPLE_CLIENT}" --base-currency USD --format pdf --out sample.pdf\nRemove it: themelens demo --remove\n`);
}
