import { DeliveryError, type DeliveryFailure } from '../../src/domain/errors.ts';
import type { PostOptions, Publisher } from '../../src/ports/publisher.ts';
import type { Reply } from '../../src/domain/reply.ts';

export interface RecordedPost {
  channelId: string;
  title: string;
  key: string | undefined;
  at: string;
  reply: Reply;
}

/** A Publisher that records what it would post, can fail chosen channels, and finds posts by key. */
export function createRecordingPublisher(clock: { now(): Date }, platform = 'shell') {
  const posts: RecordedPost[] = [];
  const failures = new Map<string, DeliveryFailure>();
  const publisher: Publisher & { posts: RecordedPost[]; failChannel(channelId: string, failure: DeliveryFailure): void } = {
    platform,
    posts,
    failChannel(channelId, failure) {
      failures.set(channelId, failure);
    },
    async post(target, reply, options?: PostOptions) {
      const failure = failures.get(target.channelId);
      if (failure !== undefined) throw new DeliveryError(failure, `channel ${target.channelId}: missing access`);
      posts.push({ channelId: target.channelId, title: reply.title, key: options?.deliveryKey, at: clock.now().toISOString(), reply });
      return [`m${posts.length}`];
    },
    async findDelivery(_target, key) {
      return posts.flatMap((post, index) => (post.key === key ? [`m${index + 1}`] : []));
    },
  };
  return publisher;
}
