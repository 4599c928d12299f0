import type { ThemeLensBridge } from '../../shared/api/contract';
import type { ErrorDetails, ErrorCode } from '../../shared/api/errors';
import { withThemeNamesIn } from '../../shared/domain/theme-names';
import { currentLanguage } from './i18n';

/**
 * Answers that never name a theme (pages of positions, securities, a file's preview) or that name
 * them in a language of their own (a report's preview, in the report's language): not walked for
 * default theme names (shared/domain/theme-names.ts). Every other answer is, in Japanese.
 */
const NO_THEME_NAMES: ReadonlySet<string> = new Set<keyof ThemeLensBridge>(['listPositions', 'listSnapshotSecurities', 'listSecurities', 'previewImport', 'listImportIssues', 'previewReport', 'previewClientReport']);

/**
 * The backend, as the preload exposes it, with its calls counted while they are answered: work the
 * window does ahead of the user (analytics/prefetch.ts) waits until no call is in flight, so it never
 * queues in front of one the user made.
 */
export function api(): ThemeLensBridge {
  const bridge = window.themelens;
  let counted = countedBridges.get(bridge);
  if (!counted) {
    counted = counting(bridge);
    countedBridges.set(bridge, counted);
  }
  return counted;
}

/** Backend calls made and not yet answered. */
export function callsInFlight(): number {
  return inFlight;
}

let inFlight = 0;
const countedBridges = new WeakMap<ThemeLensBridge, ThemeLensBridge>();

function counting(bridge: ThemeLensBridge): ThemeLensBridge {
  const done = () => {
    inFlight--;
  };
  // A proxy of an empty object that reads the bridge's members as they are asked for: the bridge
  // itself is frozen (as contextBridge makes it), and a proxy of a frozen object must hand out its
  // members unchanged.
  return new Proxy({} as ThemeLensBridge, {
    get(_empty, name) {
      const value: unknown = Reflect.get(bridge, name);
      // `on` subscribes to events; every other member is a call that answers with a promise.
      if (typeof value !== 'function' || name === 'on') return value;
      return (...args: unknown[]) => {
        const answer: unknown = (value as (...a: unknown[]) => unknown).apply(bridge, args);
        // A thenable, not `instanceof Promise`: a promise from the preload's world is not this world's Promise.
        if (answer !== null && typeof answer === 'object' && typeof (answer as PromiseLike<unknown>).then === 'function') {
          inFlight++;
          (answer as PromiseLike<unknown>).then(done, done);
          // A default theme the user has not renamed is named in the interface's language.
          if (typeof name === 'string' && !NO_THEME_NAMES.has(name) && currentLanguage() !== 'en') {
            return Promise.resolve(answer).then((v) => withThemeNamesIn(v, currentLanguage()));
          }
        }
        return answer;
      };
    },
  });
}

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
