import { describe, expect, it } from 'vitest';
import { previewHoldings } from '../../../shared/import/parse';
import { CELL_NOTE_TEXT } from '../../../shared/import/row-text';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the preview says an identifier whose check digit fails, as the import will', () => {
  it('marks the ISIN and CUSIP cells that fail, reading the row all the same', () => {
    // Microsoft's ISIN ends in 5 and its CUSIP in 4: the second row has a typo in each; "N/A" is no identifier.
    const file = 'Symbol,ISIN,CUSIP,Quantity,Price,Market Value\nMSFT,US5949181045,594918104,5,300,1500\nMSFT,US5949181046,594918105,5,300,1500\nAAPL,N/A,,1,1,1\n';
    const preview = previewHoldings(bytes(file), {}, 12);
    if (!preview.ok) throw new Error('the preview failed');
    const notes = preview.rows.map((r) => r.cells.filter((c) => c.message !== null).map((c) => [c.text, c.ok, c.message]));
    expect(notes).toEqual([
      [],
      [
        ['US5949181046', true, CELL_NOTE_TEXT.badIsin],
        ['594918105', true, CELL_NOTE_TEXT.badCusip],
      ],
      [],
    ]);
    expect(preview.rows.map((r) => r.kind)).toEqual(['position', 'position', 'position']);
  });
});
