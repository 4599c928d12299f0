/** The largest logo accepted: it is embedded in every report. */
export const MAX_LOGO_BYTES = 512 * 1024;

/** The image type a logo's first bytes say it is (PNG or JPEG magic numbers), whatever its name claims. */
export function logoType(bytes: Uint8Array): 'png' | 'jpeg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}
