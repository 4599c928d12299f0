import type { Db } from '../connection';
import { storeOf } from '../store';
import { launchPdfRenderer, type PdfRenderer } from './pdf';

/**
 * One Chromium per open database (its Store), launched on first use: a batch of 50 PDFs launches
 * it once, and it is closed with the backend.
 */
export async function sharedPdfRenderer(db: Db): Promise<PdfRenderer> {
  const store = storeOf(db);
  if (store.printer) {
    const current = await store.printer.catch(() => null);
    if (current?.connected) return current;
  }
  const launched = launchPdfRenderer();
  store.printer = launched;
  launched.catch(() => {
    if (store.printer === launched) store.printer = null;
  });
  return launched;
}

/** Closes the database's Chromium, if one was launched (the backend calls this on close). */
export async function closeSharedPdfRenderer(db: Db): Promise<void> {
  const store = storeOf(db);
  const current = store.printer;
  store.printer = null;
  if (current) await (await current.catch(() => null))?.close();
}
