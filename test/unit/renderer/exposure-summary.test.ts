import { describe, expect, it } from 'vitest';
import { plainNumber, summaryHtml, summaryLines, summaryTsv } from '../../../renderer/src/analytics/exposure-summary';
import { makeReport } from '../../helpers/report';

const report = makeReport({
  totalValue: 10000,
  cashValue: 500,
  untaggedValue: 4000,
  positionCount: 3,
  themes: [
    { id: 'a', name: 'Long\tshort <b>x</b>', color: '#111111', value: 6000, longValue: 7500.25, shortValue: -1500.25, grossValue: 9000.5, share: 0.6, positionCount: 2 },
  ],
});

describe('exposure summary for the clipboard', () => {
  it('lists themes, Untagged, cash and the total with long, short and gross for themes', () => {
    const lines = summaryLines(report, '#999999');
    expect(lines.map((l) => [l.kind, l.net, l.long, l.short, l.gross, l.share, l.positions])).toEqual([
      ['theme', 6000, 7500.25, -1500.25, 9000.5, 0.6, 2],
      ['untagged', 4000, null, null, null, 0.4, null],
      ['cash', 500, null, null, null, 0.05, null],
      ['total', 10000, null, null, null, 1, 3],
    ]);
  });

  it('writes tab-separated text a spreadsheet reads as numbers, in the locale: en-US and de-DE', () => {
    const lines = summaryLines(report, '#999999');
    expect(summaryTsv(lines, 'USD', 'en-US').split('\r\n')).toEqual([
      'Theme\tNet (USD)\tLong (USD)\tShort (USD)\tGross (USD)\tShare (%)\tPositions',
      'Long short <b>x</b>\t6000.00\t7500.25\t-1500.25\t9000.50\t60.0\t2',
      'Untagged\t4000.00\t\t\t\t40.0\t',
      'of which cash\t500.00\t\t\t\t5.0\t',
      'Total\t10000.00\t\t\t\t100.0\t3',
      '',
    ]);
    expect(summaryTsv(lines, 'EUR', 'de-DE').split('\r\n')[1]).toBe('Long short <b>x</b>\t6000,00\t7500,25\t-1500,25\t9000,50\t60,0\t2');
    expect(plainNumber(1234567.891, 2, 'en-US')).toBe('1234567.89');
  });

  it('escapes every text in the HTML flavour', () => {
    const html = summaryHtml(summaryLines(report, '#999999'), 'USD', 'en-US');
    expect(html).toContain('<td>Long\tshort &lt;b&gt;x&lt;/b&gt;</td>');
    expect(html).not.toContain('<b>');
  });
});

describe('Copy table neutralises formulas like every export', () => {
  const hostile = makeReport({
    totalValue: 100,
    cashValue: 0,
    untaggedValue: 0,
    positionCount: 1,
    themes: [{ id: 'h', name: '=HYPERLINK("http://x","y")', color: '#111111', value: -100, longValue: 0, shortValue: -100, grossValue: 100, share: 1, positionCount: 1 }],
  });

  it('a theme name that starts like a formula gets one apostrophe; negative numbers stay numbers', () => {
    const tsv = summaryTsv(summaryLines(hostile, '#999999'), 'USD', 'en-US').split('\r\n');
    expect(tsv[1]).toBe(`'=HYPERLINK("http://x","y")\t-100.00\t0.00\t-100.00\t100.00\t100.0\t1`);
    expect(summaryHtml(summaryLines(hostile, '#999999'), 'USD', 'en-US')).toContain('<td>&#39;=HYPERLINK(');
  });
});
