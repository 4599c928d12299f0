// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../renderer/src/i18n';
import { ThemesDialog } from '../../../renderer/src/tagging/ThemesDialog';
import { SuggestionsPanel } from '../../../renderer/src/tagging/SuggestionsPanel';
import { installBridge } from './fake-bridge';

afterEach(async () => {
  cleanup();
  await act(() => setLanguage('en'));
});

const noop = () => {};
const record = <T,>(_label: string, action: () => Promise<T>) => action();

/**
 * The Japanese window shows a default theme under its Japanese name (shared/domain/theme-names.ts).
 * That name is the window's, not the user's: leaving its field, or editing another field, must not
 * store it as the theme's own name, or the theme would stay Japanese in English reports.
 */
describe('the Themes dialog in Japanese', () => {
  it("stores nothing for a field left as shown, and only what the user changed", async () => {
    const bridge = installBridge();
    await act(() => setLanguage('ja'));
    render(<ThemesDialog onClose={noop} onChanged={noop} record={record} />);
    const name = (await screen.findByDisplayValue('データセンター・インフラ')) as HTMLInputElement;
    const description = screen.getByDisplayValue(/^データセンターを構成する事業者/) as HTMLInputElement;

    fireEvent.focus(name);
    fireEvent.blur(name);
    fireEvent.focus(description);
    fireEvent.blur(description);
    expect(bridge.updateTheme).not.toHaveBeenCalled();

    fireEvent.change(description, { target: { value: '当社の定義' } });
    fireEvent.blur(description);
    await waitFor(() => expect(bridge.updateTheme).toHaveBeenCalledTimes(1));
    expect(bridge.updateTheme).toHaveBeenLastCalledWith({ id: 'data-centers', description: '当社の定義' });

    fireEvent.change(name, { target: { value: 'AI インフラ' } });
    fireEvent.blur(name);
    await waitFor(() => expect(bridge.updateTheme).toHaveBeenCalledTimes(2));
    expect(bridge.updateTheme).toHaveBeenLastCalledWith({ id: 'data-centers', name: 'AI インフラ' });

    // The shipped pack is shown in Japanese too: left as shown, nothing; its Japanese name stands for it.
    const packs = screen.getAllByDisplayValue('日米戦略的投資（2026年）') as HTMLInputElement[];
    expect(packs.length).toBeGreaterThan(0);
    fireEvent.focus(packs[0]!);
    fireEvent.blur(packs[0]!);
    expect(bridge.updateTheme).toHaveBeenCalledTimes(2);
    fireEvent.change(packs[0]!, { target: { value: '自分のテーマ' } });
    fireEvent.blur(packs[0]!);
    await waitFor(() => expect(bridge.updateTheme).toHaveBeenCalledTimes(3));
    expect(bridge.updateTheme).toHaveBeenLastCalledWith({ id: 'data-centers', pack: '自分のテーマ' });
  });
});

describe('deleting a theme in the Themes dialog', () => {
  it('says before the click that its sub-themes go with it', async () => {
    const bridge = installBridge();
    const themes = await bridge.listThemes();
    bridge.listThemes.mockResolvedValue([...themes, { ...themes[0]!, id: 'dc-cooling', name: 'Cooling', parentId: 'data-centers', isDefault: false }]);
    render(<ThemesDialog onClose={noop} onChanged={noop} record={record} />);
    fireEvent.click(await screen.findByTestId('delete-theme-data-centers'));
    expect(screen.getByTestId('confirm-delete-data-centers').textContent).toBe('Delete with its sub-theme and all their tags?');
    fireEvent.click(screen.getByTestId('delete-theme-oil-logistics'));
    expect(screen.getByTestId('confirm-delete-oil-logistics').textContent).toBe('Delete with its tags?');
  });
});

describe('the Suggestions list', () => {
  const suggestion = {
    symbolKey: 'EQIX',
    symbol: 'EQIX',
    exchange: 'XNAS',
    isin: 'US29444U7000',
    name: 'Equinix',
    themeId: 'dc-operators',
    themePath: [
      { id: 'data-centers', name: 'Data-center infrastructure' },
      { id: 'dc-operators', name: 'Data-center operators and REITs' },
    ],
    parentThemeId: 'data-centers',
    weightBp: 8000,
    rationale: 'why',
    source: 'https://example.org/a',
    asOf: '2026-11-25',
    held: true,
    previousWeightBp: null,
  };

  it('names a sub-theme under its theme, shipped names in the reader\'s language and a renamed theme as the user wrote it', async () => {
    installBridge({ suggestions: [suggestion, { ...suggestion, symbolKey: 'DLR', themePath: [{ id: 'data-centers', name: 'AI plumbing' }, suggestion.themePath[1]!] }] });
    const { unmount } = render(<SuggestionsPanel onChanged={noop} record={record} />);
    expect((await screen.findByTestId('suggestion-EQIX-dc-operators')).textContent).toContain('Data-center infrastructure › Data-center operators and REITs');
    unmount();
    await act(() => setLanguage('ja'));
    render(<SuggestionsPanel onChanged={noop} record={record} />);
    expect((await screen.findByTestId('suggestion-EQIX-dc-operators')).textContent).toContain('データセンター・インフラ › データセンター事業者・REIT');
    expect(screen.getByTestId('suggestion-DLR-dc-operators').textContent).toContain('AI plumbing › データセンター事業者・REIT');
  });
});
