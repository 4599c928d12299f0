/**
 * A few browser pages kept open and lent out one report at a time: a new context and page per
 * report cost more than the printing itself (about 2 s against 0.6 s for 200 positions), and two
 * pages let a batch print one report while it prepares the next (about 1.3x on two cores).
 */
export interface Lendable {
  isClosed(): boolean;
  close(): Promise<void>;
}

export interface PagePool<P extends Lendable> {
  /** Runs `use` with a page of its own; a page whose use failed is closed and replaced, never lent again. */
  withPage<T>(use: (page: P) => Promise<T>): Promise<T>;
}

export function pagePool<P extends Lendable>(open: () => Promise<P>, size: number): PagePool<P> {
  const free: P[] = [];
  const waiting: { resolve: (p: P) => void; reject: (e: unknown) => void }[] = [];
  let opened = 0;

  const openFor = (w: { resolve: (p: P) => void; reject: (e: unknown) => void }) => {
    opened++;
    open().then(w.resolve, (err) => {
      opened--;
      w.reject(err);
    });
  };
  const take = (): Promise<P> =>
    new Promise<P>((resolve, reject) => {
      let page = free.pop();
      while (page?.isClosed()) {
        opened--;
        page = free.pop();
      }
      if (page) resolve(page);
      else if (opened < size) openFor({ resolve, reject });
      else waiting.push({ resolve, reject });
    });
  const give = (page: P) => {
    const w = waiting.shift();
    if (w) w.resolve(page);
    else free.push(page);
  };
  const discard = (page: P) => {
    opened--;
    void page.close().catch(() => undefined);
    const w = waiting.shift();
    if (w) openFor(w);
  };

  return {
    async withPage(use) {
      const page = await take();
      let result: Awaited<ReturnType<typeof use>>;
      try {
        result = await use(page);
      } catch (err) {
        discard(page);
        throw err;
      }
      if (page.isClosed()) discard(page);
      else give(page);
      return result;
    },
  };
}
