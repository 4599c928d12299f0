import { launchPdfRenderer, type PdfRenderer } from './pdf';

let shared: Promise<PdfRenderer> | null = null;

/** One Chromium for the whole process, launched on first use (a batch of 50 PDFs launches it once). */
export async function sharedPdfRenderer(): Promise<PdfRenderer> {
  if (shared) {
    const current = await shared.catch(() => null);
    if (current?.connected) return current;
  }
  shared = launchPdfRenderer();
  shared.catch(() => (shared = null));
  return shared;
}

/** Closes the shared Chromium, if one was launched (the CLI and the backend call this on close). */
export async function closeSharedPdfRenderer(): Promise<void> {
  const current = shared;
  shared = null;
  if (current) await (await current.catch(() => null))?.close();
}
