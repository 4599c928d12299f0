import type { ErrorDetails, ErrorCode } from '../../shared/api/errors';

/** The backend, as the preload exposes it. */
export const api = () => window.themelens;

/** What a rejected call carries across the bridge. */
export interface ApiFailure {
  code: ErrorCode | 'UNKNOWN';
  message: string;
  details?: ErrorDetails | undefined;
}

export function asFailure(err: unknown): ApiFailure {
  const e = err as { code?: ErrorCode; message?: string; details?: ErrorDetails };
  return { code: e?.code ?? 'UNKNOWN', message: e?.message ?? String(err), details: e?.details };
}
