import type { TFunction } from 'i18next';
import type { ImportCheck } from '../../../shared/import/checks';
import { formatAmount, formatCount } from '../format';

/**
 * An import's check in the interface's language, its figures in the user's locale (the English is
 * the command line's, shared/import/checks.ts). One sentence per count, one and several: each key
 * appears whole, for the translation check.
 */
export function checkWords(t: TFunction, c: ImportCheck): string {
  if (c.kind === 'total') {
    return t("The file's own total ({{file}}) differs from the sum of the imported rows ({{rows}}) by {{difference}}; check the rejected rows or the file.", {
      file: formatAmount(c.fileCents),
      rows: formatAmount(c.rowsCents),
      difference: formatAmount(c.fileCents - c.rowsCents),
    });
  }
  if (c.kind === 'identifier') {
    const v = { file: c.file, line: c.line, column: c.column, header: c.header, value: c.value, scheme: c.scheme };
    return c.column === null
      ? t('{{file}} line {{line}}: {{value}} is not a valid {{scheme}} (its check digit fails). The position is kept; the {{scheme}} is not used to identify it. Check the cell.', v)
      : t('{{file}} line {{line}}, column {{column}} ({{header}}): {{value}} is not a valid {{scheme}} (its check digit fails). The position is kept; the {{scheme}} is not used to identify it. Check the cell.', v);
  }
  if (c.kind === 'moreIdentifiers') return t('{{file}}: {{n}} more identifiers fail their check digit.', { file: c.file, n: formatCount(c.count) });
  const v = { n: formatCount(c.count), line: c.first.line, label: c.first.label, quantity: c.first.quantity, price: c.first.price, value: formatAmount(c.first.valueCents) };
  const one = c.count === 1;
  if (c.kind === 'sign') {
    return one
      ? t('1 position has a value whose sign is not that of quantity x price (line {{line}}, {{label}}: {{quantity}} x {{price}}, value {{value}}). It is kept as the file gives it; if the value column is not the market value (a gain or loss, say), map the right column.', v)
      : t('{{n}} positions have values whose sign is not that of quantity x price (first: line {{line}}, {{label}}: {{quantity}} x {{price}}, value {{value}}). They are kept as the file gives them; if the value column is not the market value (a gain or loss, say), map the right column.', v);
  }
  return one
    ? t('1 position has no value in the file, so its value is quantity x price (line {{line}}, {{label}}: {{quantity}} x {{price}} = {{value}}). That is not the value of a bond (priced per 100), an option (per share, 100 to a contract) or a fund priced per 10,000 units: check such values.', v)
    : t('{{n}} positions have no value in the file, so their values are quantity x price (first: line {{line}}, {{label}}: {{quantity}} x {{price}} = {{value}}). That is not the value of a bond (priced per 100), an option (per share, 100 to a contract) or a fund priced per 10,000 units: check such values.', v);
}
