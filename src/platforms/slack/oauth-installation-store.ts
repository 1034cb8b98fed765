import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { Store } from '../../ports/index.ts';

export const SLACK_PLATFORM = 'slack';

/**
 * The key an install is kept under, and the `workspaceId` commands and subscriptions use:
 * the enterprise id for an org-wide (Enterprise Grid) install, the team id otherwise.
 */
export function installationKey(query: {
  isEnterpriseInstall?: boolean | undefined;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}): string | null {
  if (query.isEnterpriseInstall === true && query.enterpriseId !== undefined) return query.enterpriseId;
  return query.teamId ?? null;
}

function keyOf(installation: Installation): string {
  const key = installationKey({
    isEnterpriseInstall: installation.isEnterpriseInstall,
    enterpriseId: installation.enterprise?.id,
    teamId: installation.team?.id,
  });
  if (key === null) throw new Error('Slack installation has neither a team nor an enterprise id');
  return key;
}

/** Bolt's InstallationStore on the bot's own database: one JSON record per workspace (or org). */
export function createSlackInstallationStore(store: Store): InstallationStore {
  return {
    async storeInstallation(installation) {
      await store.saveInstallation(SLACK_PLATFORM, keyOf(installation as Installation), JSON.stringify(installation));
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const key = installationKey(query);
      const json = key === null ? null : await store.getInstallation(SLACK_PLATFORM, key);
      if (json === null) throw new Error(`The app is not installed in Slack workspace ${key ?? '(unknown)'}`);
      return JSON.parse(json) as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      const key = installationKey(query);
      if (key !== null) await store.deleteInstallation(SLACK_PLATFORM, key);
    },
  };
}

/** The bot token of a stored install, or null when the workspace has none. */
export async function installedBotToken(store: Store, workspaceId: string): Promise<string | null> {
  const json = await store.getInstallation(SLACK_PLATFORM, workspaceId);
  if (json === null) return null;
  const installation = JSON.parse(json) as Partial<Installation>;
  return installation.bot?.token ?? null;
}
