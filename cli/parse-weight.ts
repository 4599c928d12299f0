import { parseWeightToBp as parse } from '../shared/tags/weight';
import { UsageError } from './errors';

/** The CLI's --weight: a fraction 0..1 or a percentage, exactly, or a usage error. */
export function parseWeightToBp(text: string): number {
  const bp = parse(text);
  if (bp === null) throw new UsageError(`--weight "${text}" is not a weight between 0 and 1 (e.g. 0.5) with at most 4 decimals, or a percentage such as 50%.`);
  return bp;
}
