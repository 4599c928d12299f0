/** Recognising ISINs and CUSIPs by their check digits, so a Symbol/ISIN column can be routed. */

function charValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x5a) return c - 0x41 + 10;
  return -1;
}

/** True for a 12-character ISIN (two letters, nine alphanumerics, a check digit) whose Luhn check holds. */
export function isIsin(text: string): boolean {
  if (text.length !== 12) return false;
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(1);
  if (a < 0x41 || a > 0x5a || b < 0x41 || b > 0x5a) return false;
  const last = text.charCodeAt(11);
  if (last < 0x30 || last > 0x39) return false;
  let digits = '';
  for (let i = 0; i < 12; i++) {
    const v = charValue(text.charCodeAt(i));
    if (v < 0) return false;
    digits += String(v);
  }
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 0x30;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The CUSIP check digit of its first eight characters (0-9, A-Z, *, @, #); null for any other text. */
export function cusipCheckDigit(body: string): number | null {
  if (!/^[0-9A-Z*@#]{8}$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body[i]!;
    let v = c >= '0' && c <= '9' ? Number(c) : c === '*' ? 36 : c === '@' ? 37 : c === '#' ? 38 : c.charCodeAt(0) - 55;
    if (i % 2 === 1) v *= 2;
    sum += Math.floor(v / 10) + (v % 10);
  }
  return (10 - (sum % 10)) % 10;
}

/** True for a 9-character CUSIP containing a digit whose check digit holds. */
export function isCusip(text: string): boolean {
  if (text.length !== 9 || !/\d/.test(text.slice(0, 8))) return false;
  const check = cusipCheckDigit(text.slice(0, 8));
  return check !== null && text[8] === String(check);
}
