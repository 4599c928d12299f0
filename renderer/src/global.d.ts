import type { ThemeLensBridge } from '../../shared/api/contract';

declare global {
  interface Window {
    /** The only way to the backend: exposed by the preload (or the e2e harness). */
    themelens: ThemeLensBridge;
  }
}
