import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../../cli/args';
import { UsageError } from '../../../cli/errors';

const OPTIONS = { weight: { type: 'string' }, map: { type: 'string', multiple: true }, json: { type: 'boolean' } } as const;

function refusal(args: string[]): string {
  try {
    parseCommandArgs(args, OPTIONS);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`${args.join(' ')} was not refused`);
}

describe('parseCommandArgs', () => {
  it('refuses an option given twice, where before the last one won without a word', () => {
    expect(refusal(['NVDA', '--weight', '0.5', '--weight', '0.7'])).toBe('--weight is given twice: give it once');
    expect(refusal(['--json', '--json'])).toBe('--json is given twice: give it once');
  });

  it('still takes an option that may repeat, each time', () => {
    expect(parseCommandArgs(['--map', 'symbol=Ticker', '--map', 'value=Amount'], OPTIONS).values.map).toEqual(['symbol=Ticker', 'value=Amount']);
  });

  it('says a negative number is one, not "Unknown option \'-0\'"', () => {
    expect(refusal(['set', 'data-centers', '-0.1'])).toBe('"-0.1" is a negative number: a share or a rate cannot be below 0 (if it is a name, put -- before it)');
    expect(refusal(['EUR', '-.5'])).toContain('"-.5" is a negative number');
    expect(refusal(['set', 'data-centers', '-5%'])).toContain('"-5%" is a negative number');
    // A name that starts so is no number: the parser's own words, and after -- it is read as it is.
    expect(refusal(['add', '-1x Inverse'])).not.toContain('negative number');
    expect(parseCommandArgs(['add', '--', '-1x Inverse'], OPTIONS).positionals).toEqual(['add', '-1x Inverse']);
    // A real unknown option keeps the parser's own words.
    expect(refusal(['-x'])).toContain("Unknown option '-x'");
  });

  it("takes a negative number after an option as the option's value (a rule's --priority -1), which the parser called ambiguous", () => {
    const options = { priority: { type: 'string' }, json: { type: 'boolean' } } as const;
    expect(parseCommandArgs(['nvda', '--priority', '-1'], options)).toEqual({ values: { priority: '-1' }, positionals: ['nvda'] });
    // After a flag it is no value: still said to be a negative number.
    expect(() => parseCommandArgs(['--json', '-1'], options)).toThrow('"-1" is a negative number');
  });

  it('reads everything after -- as it is', () => {
    expect(parseCommandArgs(['--', '-0.1'], OPTIONS).positionals).toEqual(['-0.1']);
  });

  it('parses an ordinary line unchanged', () => {
    const r = parseCommandArgs(['NVDA', 'data-centers', '--weight', '0.5', '--json'], OPTIONS);
    expect(r).toEqual({ values: { weight: '0.5', json: true }, positionals: ['NVDA', 'data-centers'] });
  });
});
