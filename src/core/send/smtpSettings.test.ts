import { describe, expect, it } from 'vitest';
import { defaultProfile, restoreProfile } from '../export/shared/profile.ts';
import {
  defaultSmtpSettings,
  isEmailAddress,
  listUnsubscribeValue,
  restoreSmtpSettings,
} from './smtpSettings.ts';

describe('SMTP settings in the profile', () => {
  it('are part of the default profile, and a profile stored before them gets the defaults', () => {
    expect(defaultProfile().smtp).toEqual(defaultSmtpSettings());
    expect(restoreProfile({ name: 'Old' }).smtp).toEqual(defaultSmtpSettings());
  });

  it('keep good values, repair bad ones, and drop a password', () => {
    const restored = restoreSmtpSettings({
      host: ' mail.example.com ',
      port: 2525,
      security: 'tls',
      user: 'ada\r\nBcc: x@example.com',
      fromName: 'The Build Log',
      fromAddress: 'news@example.com',
      listUnsubscribe: '<mailto:leave@example.com>, javascript:alert(1), https://example.com/u',
      password: 'hunter2',
    });
    expect(restored).toEqual({
      host: 'mail.example.com',
      port: 2525,
      security: 'tls',
      user: 'ada Bcc: x@example.com',
      fromName: 'The Build Log',
      fromAddress: 'news@example.com',
      listUnsubscribe: '<mailto:leave@example.com>, <https://example.com/u>',
    });
    expect(JSON.stringify(restoreProfile({ smtp: { password: 'hunter2' } }))).not.toContain(
      'hunter2',
    );
    expect(
      restoreSmtpSettings({ host: 'bad host/x', port: 70000, security: 'ssl', fromAddress: 'x' }),
    ).toEqual({ ...defaultSmtpSettings() });
    expect(restoreSmtpSettings({ security: 'tls' }).port).toBe(465);
  });

  it('take only addresses and List-Unsubscribe URLs that cannot break a header', () => {
    expect(isEmailAddress('ada@example.com')).toBe(true);
    for (const bad of [
      'ada',
      'ada@example',
      'a b@example.com',
      'a@example.com\r\nBcc: b@c.d',
      '<a@b.c>',
    ])
      expect(isEmailAddress(bad), bad).toBe(false);
    expect(listUnsubscribeValue('{{unsubscribe_url}}')).toBeNull();
    expect(listUnsubscribeValue('http://example.com/u')).toBeNull();
    expect(listUnsubscribeValue('https://example.com/u')).toBe('<https://example.com/u>');
  });
});
