/**
 * An error whose message is safe to show a user as is (DESIGN.md rule 6).
 * Anything else is logged with a reference id and the user sees a short generic reply.
 */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

/** A problem with one input (a file, a URL, a body): names the input, never a stack trace. */
export class InputError extends UserFacingError {
  readonly input: string;
  constructor(input: string, problem: string) {
    super(`${input}: ${problem}`);
    this.input = input;
  }
}

export function isUserFacing(error: unknown): error is UserFacingError {
  return error instanceof UserFacingError;
}
