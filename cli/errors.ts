/** A mistake in how the command was called: printed with a usage hint, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Ctrl-C ended the command; its message says what happened to the data. Exit code 130 (128 + SIGINT). */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
}
