import type { ThemeLensBridge } from '../../shared/api/contract';

declare global {
  interface Window {
    /** Provided by the harness, as the preload provides it in the app. */
    themelens: ThemeLensBridge;
  }
}
