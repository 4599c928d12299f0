import type { ZodType } from 'zod';
import { AppError } from './errors';
import { apiInputs, type ApiName, type ApiParsedInput } from './contract';

/** Parses a call's input with its schema; a failure is a VALIDATION AppError naming the field. */
export function validateInput<K extends ApiName>(name: K, raw: unknown): ApiParsedInput<K> {
  const schema = (Object.hasOwn(apiInputs, name) ? apiInputs[name] : undefined) as ZodType | undefined;
  if (!schema) throw new AppError('VALIDATION', `Unknown call "${String(name)}".`);
  const result = schema.safeParse(raw ?? {});
  if (!result.success) {
    const first = result.error.issues[0];
    const field = first && first.path.length > 0 ? first.path.join('.') : null;
    // The call, the field and the reason alone go along, so the command line can name its own option.
    throw new AppError('VALIDATION', `Invalid input for ${name}${field ? ` (${field})` : ''}: ${first?.message ?? 'bad value'}`, { call: name, field, reason: first?.message ?? 'bad value' });
  }
  return result.data as ApiParsedInput<K>;
}
