import type { BackendHandlers } from '../shared/api/contract';
import { validateInput } from '../shared/api/validate';
import { parseCommandArgs, type Io } from './args';
import { UsageError } from './errors';
import { counted } from './plural';

const USAGE = 'securities [--unresolved] | securities show SYMBOL|ISIN | securities link A B | securities unlink A B | securities confirm ID [KEY] | securities reject ID';

/**
 * `themelens securities`: the securities held and how each was identified; `--unresolved` lists
 * Needs review. `show` explains one; `link A B` makes A take B's tags (the same security, or an ADR
 * and its share); `unlink` undoes it; `confirm` and `reject` answer an item of Needs review.
 */
export async function securitiesCommand(h: BackendHandlers, args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { unresolved: { type: 'boolean' } });
  const [verb, a, b, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(USAGE);
  if (verb === undefined) {
    const { securities, reviews } = await h.listSecurities(validateInput('listSecurities', { unresolved: values.unresolved ?? false }));
    if (values.unresolved) {
      if (reviews.length === 0) io.out('Nothing waits in Needs review.\n');
      for (const r of reviews) io.out(`${r.id}\t${r.symbolKey}\t${r.candidates.join(' or ') || '-'}\t${r.message}\n`);
      return;
    }
    if (securities.length === 0) io.out('No securities held yet. Import a holdings file first: themelens import FILE --portfolio NAME\n');
    for (const s of securities) {
      const via = s.canonicalKey !== s.key ? `\tas ${s.canonicalKey}` : '';
      io.out(`${s.key}\t${s.isin ?? ''}\t${s.name}\t${counted(s.positions, 'position')} in ${counted(s.portfolios, 'portfolio')}${via}${s.unresolved ? '\tneeds review' : ''}\n`);
    }
    if (reviews.length > 0) io.out(`${counted(reviews.length, 'item waits', 'items wait')} in Needs review: themelens securities --unresolved\n`);
    return;
  }
  if (verb === 'show') {
    if (!a || b !== undefined) throw new UsageError(USAGE);
    const s = await h.showSecurity(validateInput('showSecurity', { text: a }));
    io.out(`${s.key}${s.named !== s.key ? ` (${s.named} takes its tags)` : ''}\t${s.name}\n`);
    io.out(`  kind ${s.kind ?? 'unknown'}, country ${s.country ?? '?'}, currency ${s.currency ?? '?'}${s.source ? `, from ${s.source}` : ''}\n`);
    for (const i of s.identifiers) io.out(`  ${i.kind.padEnd(7)} ${i.value.padEnd(14)} from ${i.source}\n`);
    for (const l of s.links) io.out(`  link    ${l.key} -> ${l.canonicalKey} (${l.reason}: ${l.source})\n`);
    for (const r of s.resolutions) io.out(`  ${r.key}: resolved by ${r.method}${r.detail ? ` (${r.detail})` : ''}\n`);
    io.out(`  held: ${counted(s.positions, 'position')} in ${counted(s.portfolios, 'portfolio')}\n`);
    return;
  }
  if (verb === 'link' || verb === 'unlink') {
    if (!a || !b) throw new UsageError(USAGE);
    if (verb === 'link') {
      const s = await h.linkSecurities(validateInput('linkSecurities', { key: a, canonical: b }));
      io.out(`${a.toUpperCase()} now takes the tags of ${s.key}: ${counted(s.positions, 'position')} in ${counted(s.portfolios, 'portfolio')}.\n`);
    } else {
      const r = await h.unlinkSecurities(validateInput('unlinkSecurities', { key: a, canonical: b }));
      io.out(r.unlinked ? `${a.toUpperCase()} no longer takes the tags of ${b.toUpperCase()}.\n` : `${a.toUpperCase()} was not linked to ${b.toUpperCase()}; nothing changed.\n`);
    }
    return;
  }
  if (verb === 'confirm' || verb === 'reject') {
    const id = Number(a);
    if (!Number.isInteger(id) || id <= 0 || (verb === 'reject' && b !== undefined)) throw new UsageError(USAGE);
    const left = await h.decideSecurityReview(validateInput('decideSecurityReview', { id, decision: verb, ...(b ? { candidate: b.toUpperCase() } : {}) }));
    io.out(`Review item ${id} ${verb === 'confirm' ? 'confirmed' : 'rejected'}; ${left.length} left in Needs review.\n`);
    return;
  }
  throw new UsageError(USAGE);
}
