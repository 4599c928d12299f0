// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MappingEditor } from '../../../renderer/src/import/ColumnMapping';

afterEach(cleanup);

describe('the mapping screen with two columns of one name', () => {
  it('offers both, the second as "Market Value#2", and choosing it maps that column', () => {
    const onChange = vi.fn();
    render(<MappingEditor headers={['Symbol', 'Market Value', 'Market Value']} mapping={{ symbol: 'Symbol', value: 'Market Value' }} onChange={onChange} />);
    const select = screen.getByTestId('map-value') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['— not in this file —', 'Symbol', 'Market Value', 'Market Value#2 (column 3)']);
    fireEvent.change(select, { target: { value: 'Market Value#2' } });
    expect(onChange).toHaveBeenCalledWith({ symbol: 'Symbol', value: 'Market Value#2' });
  });
});
