// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExposureTheme } from '../../../shared/exposure/model';
import { HouseholdTargets } from '../../../renderer/src/analytics/HouseholdTargets';

afterEach(cleanup);

const theme = (id: string, name: string, target?: ExposureTheme['target']): ExposureTheme =>
  ({ id, name, color: '#2563eb', value: 100, grossValue: 100, longValue: 100, shortValue: 0, share: 0.41, positionCount: 1, ...(target ? { target } : {}) }) as ExposureTheme;

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe("the household's target form", () => {
  it("shows a theme's target as set, to change it rather than type it again; an empty field where it has none", async () => {
    const setClientTarget = vi.fn(async () => undefined);
    (window as unknown as { themelens: unknown }).themelens = Object.freeze({ setClientTarget, on: () => () => {} });
    const themes = [theme('data-centers', 'Data-center infrastructure', { share: 0.3, band: 0.025, drift: 0.11, outside: true }), theme('oil', 'Crude-oil logistics')];
    const saved: string[] = [];
    const { rerender } = render(<HouseholdTargets client="Ann Lee" themes={themes} onSaved={(s) => saved.push(s)} onError={() => {}} />);
    expect(input('household-target-share').value).toBe('30');
    expect(input('household-target-band').value).toBe('2.5');
    // Another theme: its own (none), and the usual band.
    fireEvent.change(screen.getByTestId('household-target-theme'), { target: { value: 'oil' } });
    expect(input('household-target-share').value).toBe('');
    expect(input('household-target-band').value).toBe('5');
    // Back: a change typed for the first theme is kept while it is chosen, then saved.
    fireEvent.change(screen.getByTestId('household-target-theme'), { target: { value: 'data-centers' } });
    fireEvent.change(input('household-target-share'), { target: { value: '35' } });
    expect(input('household-target-band').value).toBe('2.5');
    fireEvent.click(screen.getByTestId('household-target-save'));
    await waitFor(() => expect(setClientTarget).toHaveBeenCalledWith({ client: 'Ann Lee', themeId: 'data-centers', shareBp: 3500, bandBp: 250 }));
    await waitFor(() => expect(saved).toEqual(['Target for Data-center infrastructure: 35% ± 2.5 points for Ann Lee.']));
    // Until the figures come back, the fields keep what was saved, not the target before it.
    expect(input('household-target-share').value).toBe('35');
    // The view's figures come back with the new target: the field shows it.
    rerender(<HouseholdTargets client="Ann Lee" themes={[theme('data-centers', 'Data-center infrastructure', { share: 0.35, band: 0.025, drift: 0.06, outside: true }), themes[1]!]} onSaved={() => {}} onError={() => {}} />);
    expect(input('household-target-share').value).toBe('35');
  });
});
