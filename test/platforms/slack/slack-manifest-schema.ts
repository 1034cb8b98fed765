import { z } from 'zod';

/**
 * The fields of Slack's app manifest the bot writes, with the limits Slack's manifest reference
 * documents (https://docs.slack.dev/reference/app-manifest; the same limits are in the JSDoc of
 * @slack/web-api's `Manifest` type). Unknown keys are refused so a typo cannot slip through.
 */
const httpsUrl = z.url({ protocol: /^https$/ });

/** Granular bot scopes look like `chat:write`, `users:read`, `commands`. */
const botScope = z.string().regex(/^[a-z_.]+(:[a-z_.]+)*$/);

const slashCommand = z.strictObject({
  command: z
    .string()
    .max(32)
    .regex(/^\/[a-z0-9_-]+$/, 'a slash command is / then lower-case letters, digits, - or _'),
  description: z.string().min(1).max(2000),
  usage_hint: z.string().min(1).max(1000).optional(),
  should_escape: z.boolean().optional(),
  url: httpsUrl.optional(),
});

export const slackManifestSchema = z
  .strictObject({
    _metadata: z.strictObject({ major_version: z.union([z.literal(1), z.literal(2)]), minor_version: z.number().int().min(0).optional() }).optional(),
    display_information: z.strictObject({
      name: z.string().min(1).max(35),
      description: z.string().max(140).optional(),
      long_description: z.string().min(175).max(4000).optional(),
      background_color: z
        .string()
        .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/)
        .optional(),
    }),
    features: z
      .strictObject({
        bot_user: z
          .strictObject({
            display_name: z
              .string()
              .min(1)
              .max(80)
              .regex(/^[a-z0-9._-]+$/),
            always_online: z.boolean().optional(),
          })
          .optional(),
        slash_commands: z.array(slashCommand).max(50).optional(),
      })
      .optional(),
    oauth_config: z
      .strictObject({
        redirect_urls: z.array(httpsUrl).max(1000).optional(),
        scopes: z.strictObject({ bot: z.array(botScope).max(255).optional(), user: z.array(z.string()).max(255).optional() }).optional(),
      })
      .optional(),
    settings: z
      .strictObject({
        event_subscriptions: z
          .strictObject({
            request_url: httpsUrl.optional(),
            bot_events: z
              .array(z.string().regex(/^[a-z_.]+$/))
              .max(100)
              .optional(),
          })
          .optional(),
        interactivity: z.strictObject({ is_enabled: z.boolean(), request_url: httpsUrl.optional() }).optional(),
        org_deploy_enabled: z.boolean().optional(),
        socket_mode_enabled: z.boolean().optional(),
        token_rotation_enabled: z.boolean().optional(),
      })
      .optional(),
  })
  .superRefine((manifest, context) => {
    // Without Socket Mode, Slack must be told where to send commands and events.
    if (manifest.settings?.socket_mode_enabled === true) return;
    for (const [index, command] of (manifest.features?.slash_commands ?? []).entries()) {
      if (command.url === undefined)
        context.addIssue({ code: 'custom', path: ['features', 'slash_commands', index, 'url'], message: 'required without Socket Mode' });
    }
    const events = manifest.settings?.event_subscriptions;
    if (events !== undefined && (events.bot_events?.length ?? 0) > 0 && events.request_url === undefined) {
      context.addIssue({ code: 'custom', path: ['settings', 'event_subscriptions', 'request_url'], message: 'required without Socket Mode' });
    }
  });
