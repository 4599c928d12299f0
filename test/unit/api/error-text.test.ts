import { describe, expect, it } from 'vitest';
import { ERROR_TEXT, saidError, type ErrorText } from '../../../shared/api/error-text';

/** The backend's other refusals, in English word for word as the command line printed them before they became templates. */
describe('refusals said from templates, in English', () => {
  const cases: [ErrorText, Record<string, string>, string][] = [
    [ERROR_TEXT.weightOver100, { key: 'KMI', others: '80%', left: '20%', theme: 'Data-center infrastructure' }, 'KMI is already 80% tagged to other themes; at most 20% is left for Data-center infrastructure.'],
    [ERROR_TEXT.fullyTagged, { key: 'NVDA', theme: 'data-centers' }, 'NVDA is already 100% tagged; untag it first to accept the data-centers suggestion.'],
    [ERROR_TEXT.fundWeight, { cell: 'abc' }, 'Weight "abc" is not a number. Nothing was imported.'],
    [ERROR_TEXT.fundNoHeader, {}, 'No header with Ticker (or ISIN) and Weight (%) was found: is this an issuer holdings file? Nothing was imported.'],
    [ERROR_TEXT.fundNoHoldings, {}, 'no holdings were found below the header. Nothing was imported.'],
  ];

  it('every template is pinned here', () => {
    expect(new Set(cases.map(([text]) => text))).toEqual(new Set(Object.values(ERROR_TEXT)));
  });

  it.each(cases)('%s', (text, params, english) => {
    const e = saidError('CONFLICT', text, params, { extra: 1 });
    expect(e.message).toBe(english);
    expect(e.details).toEqual({ extra: 1, text, params });
  });
});
