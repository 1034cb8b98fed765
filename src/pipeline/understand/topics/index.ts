export { assignTopics, findTopic, suggestTopics, type TopicDefinition, TOPICS } from './topics.ts';
