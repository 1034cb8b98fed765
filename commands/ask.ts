import { z } from 'zod';
import { answerQuestion } from '../src/brief/index.ts';
import { type Command, parseOptions } from '../src/dispatch/index.ts';

const usage = '/ask <question>';
const schema = z.object({
  question: z.string({ message: 'ask a question' }).trim().min(3, 'ask a question').max(500, 'keep the question under 500 characters'),
});

export default {
  name: 'ask',
  description: 'Ask a question; the answer comes from stored articles, with sources',
  usage,
  examples: ['/ask why is Hong Kong outperforming?', '/ask what did BYD raise?'],
  options: [{ name: 'question', description: 'Your question', type: 'string', required: true, rest: true }],
  adminOnly: false,
  async run(options, _context, services) {
    const { question } = parseOptions(schema, options, usage);
    return answerQuestion(question, services);
  },
} satisfies Command;
