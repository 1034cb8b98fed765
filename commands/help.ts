import type { Command } from '../src/dispatch/index.ts';
import type { Reply } from '../src/domain/index.ts';

export default {
  name: 'help',
  description: 'What the bot can do',
  usage: '/help',
  examples: ['/help'],
  options: [],
  adminOnly: false,
  async run(_options, _context, services) {
    const reply: Reply = {
      title: 'market-brief commands',
      sections: [
        {
          heading: '',
          lines: services.commands.map((command) => ({
            label: command.usage,
            text: `${command.description}${command.examples[0] !== undefined && command.examples[0] !== command.usage ? `, e.g. ${command.examples[0]}` : ''}`,
            sources: [],
          })),
        },
      ],
      sources: [],
      visibility: 'ephemeral',
    };
    return reply;
  },
} satisfies Command;
