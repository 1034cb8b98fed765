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

/** Why a post to a channel failed, so the scheduler can act: disable, retry later, or give up. */
export type DeliveryFailure =
  /** The channel no longer exists or the bot was removed from it: disable the subscription. */
  | 'channel-gone'
  /** The bot may not post there (missing permission, not in channel): disable and tell the admins. */
  | 'forbidden'
  /** The workspace's token was revoked or the app uninstalled: disable every subscription there. */
  | 'revoked'
  /** Try again later (rate limit beyond patience, 5xx, network). */
  | 'transient';

/** A typed failure from a Publisher; `message` is safe to show an admin. */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  readonly failure: DeliveryFailure;
  constructor(failure: DeliveryFailure, message: string) {
    super(message);
    this.failure = failure;
  }
}
