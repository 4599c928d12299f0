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
