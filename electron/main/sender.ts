import { isAppUrl } from './guards';

/** The parts of an IPC event the sender check reads. */
export interface SenderEvent {
  senderFrame: { url: string; parent: unknown } | null;
  sender: { mainFrame: unknown };
}

/** A call is trusted only from the app's own page, in the main frame (never an iframe). */
export function isTrustedSender(event: SenderEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame !== event.sender.mainFrame || frame.parent) return false;
  return isAppUrl(frame.url);
}
