import { createWriteStream } from 'node:fs';

const SYMBOLS = ['NVDA', 'EQIX', 'DLR', 'VRT', 'KMI', 'ET', 'EPD', 'COHR', 'AMAT', 'MSFT', 'AAPL', 'SPAXX**'];

/** Writes a realistic Fidelity-style holdings CSV: quoted "$" values, several accounts, a footer. */
export async function writeHoldingsCsv(path: string, rows: number, symbolCount = 5000): Promise<void> {
  const out = createWriteStream(path);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((ok) => out.once('drain', () => ok())));
  await write('\uFEFFAccount Number,Account Name,Symbol,Description,Quantity,Last Price,Current Value,Type\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const account = `X${String(10000000 + (i % 7)).padStart(8, '0')}`;
    const base = SYMBOLS[i % SYMBOLS.length] as string;
    const symbol = i % symbolCount < SYMBOLS.length ? base : `S${(i % symbolCount).toString(36).toUpperCase()}`;
    const qty = (i % 997) + 1;
    const priceCents = 1000 + ((i * 7919) % 90000);
    const value = qty * priceCents;
    const money = (c: number) => `$${Math.floor(c / 100).toLocaleString('en-US')}.${String(c % 100).padStart(2, '0')}`;
    chunk += `${account},Individual,${symbol},"${symbol} HOLDINGS, INC. COM",${qty},${money(priceCents)},"${money(value)}",Cash\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await write('\n"The data and information in this spreadsheet is provided to you solely for your use."\n"Date downloaded Nov-24-2026 4:05 p.m ET"\n');
  await new Promise<void>((ok) => out.end(() => ok()));
}
