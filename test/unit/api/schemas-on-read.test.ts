/**
 * The command line validates one or two calls, so their input schemas are built when first read,
 * not all ~90 at start-up (a fifth of the start-up was zod building them). Each is built once.
 */
import { describe, expect, it } from 'vitest';
import { apiInputs, API_NAMES } from '../../../shared/api/contract';
import { validateInput } from '../../../shared/api/validate';

describe('input schemas, built on first read', () => {
  it('none is built when the contract loads; one read builds that one only, once', () => {
    const built = () => API_NAMES.filter((n) => 'value' in (Object.getOwnPropertyDescriptor(apiInputs, n) ?? {}));
    expect(built()).toEqual([]);
    expect(validateInput('listThemes', {})).toEqual({});
    expect(built()).toEqual(['listThemes']);
    expect(apiInputs.listThemes).toBe(apiInputs.listThemes);
    // Every call still has its schema, and it still refuses bad input.
    expect(Object.keys(apiInputs).sort()).toEqual([...API_NAMES].sort());
    expect(() => validateInput('setMenuLanguage', { language: 'fr' })).toThrow(/Invalid input for setMenuLanguage \(language\)/);
  });
});
