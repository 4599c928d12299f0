import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { AppError } from '../shared/api/errors';
import { logoType, MAX_LOGO_BYTES } from '../shared/report/logo';

/**
 * `preferences --logo FILE`: the file as a data: URL, if it really is a PNG or JPEG (its first bytes,
 * not its name) of at most MAX_LOGO_BYTES. Anything else is one line naming the file and what to do.
 */
export function readLogo(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError('IO', `Cannot read the logo ${path}: ${code === 'ENOENT' ? 'there is no such file' : (err as Error).message}. Give the path of a PNG or JPEG image.`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new AppError('VALIDATION', `The logo ${path} is not a regular file. Give the path of a PNG or JPEG image.`);
    if (st.size > MAX_LOGO_BYTES) throw new AppError('VALIDATION', `The logo ${path} is ${Math.ceil(st.size / 1024)} KB; the limit is ${MAX_LOGO_BYTES / 1024} KB. Use a smaller image.`);
    const bytes = Buffer.alloc(st.size);
    readSync(fd, bytes, 0, st.size, 0);
    const type = logoType(bytes);
    if (!type) throw new AppError('VALIDATION', `The logo ${path} is not a PNG or JPEG image (whatever its name says). Save it as PNG or JPEG.`);
    return `data:image/${type};base64,${bytes.toString('base64')}`;
  } finally {
    closeSync(fd);
  }
}
