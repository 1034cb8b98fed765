import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { isListedAdmin } from '../../src/platforms/slack/commands.ts';

function admins(value: string): string[] {
  return loadConfig({ SLACK_ADMIN_USERS: value }, null).SLACK_ADMIN_USERS;
}

describe('SLACK_ADMIN_USERS per workspace', () => {
  it('reads workspace groups and operator-wide ids', () => {
    expect(admins('T123:U456,U789;T999:U111')).toEqual(['T123:U456', 'T123:U789', 'T999:U111']);
    expect(admins('U1, U2')).toEqual(['U1', 'U2']);
    expect(admins(' T1 : U1 ; U9 ')).toEqual(['T1:U1', 'U9']);
  });

  it('makes a listed user an admin in that workspace only; a plain id in every workspace', () => {
    const list = admins('T123:U456;U900');
    expect(isListedAdmin(list, 'T123', 'U456')).toBe(true);
    expect(isListedAdmin(list, 'T999', 'U456')).toBe(false);
    expect(isListedAdmin(list, 'T999', 'U900')).toBe(true);
    expect(isListedAdmin(list, 'T123', 'U111')).toBe(false);
  });

  it('refuses what is not a user id, naming the format', () => {
    for (const bad of ['alice', 'T123:alice', 'T123:U1:U2', 'x:U1']) {
      expect(() => admins(bad)).toThrow(ConfigError);
    }
    expect(() => admins('alice')).toThrow(/T012AB:U012ABCDEF/);
  });
});
