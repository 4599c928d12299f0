import { createContext, useContext } from 'react';

/**
 * The database opened read-only (the file or its folder cannot be written): why, and how to say
 * so. An edit is refused where it starts (opening the tag editor, removing a tag, tagging a
 * selection), as Import and Update prices are, rather than after the user typed a weight and a
 * note that the backend then refuses to save.
 */
export interface ReadOnly {
  message: string;
  /** Shows the message (a toast): nothing was started. */
  refuse(): void;
}

export const ReadOnlyContext = createContext<ReadOnly | null>(null);

/** Null when the database can be written. */
export function useReadOnly(): ReadOnly | null {
  return useContext(ReadOnlyContext);
}

/**
 * A button that would write, when the database is read-only: marked disabled for assistive
 * technology and greyed (styles.css, [aria-disabled]), with the reason as its tooltip in place of
 * `title`; its click still runs, to say why (`refuse`). When it can be written, just `title`.
 */
export function refusedWhenReadOnly(readOnly: ReadOnly | null, title?: string): { 'aria-disabled'?: true; title?: string } {
  return readOnly ? { 'aria-disabled': true, title: readOnly.message } : title === undefined ? {} : { title };
}
