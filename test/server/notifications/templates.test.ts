import { describe, expect, it } from 'vitest';
import { checkTemplate, factsOf, notificationKinds, render, templates } from '../../../src/server/notifications/templates.ts';
import { notificationsEn } from '../../../src/shared/i18n/notifications.en.ts';
import { notificationsId } from '../../../src/shared/i18n/notifications.id.ts';

describe('the default templates', () => {
  it('use only their own facts and leave no placeholder unfilled with the samples', () => {
    for (const kind of notificationKinds) {
      for (const locale of ['id', 'en'] as const) {
        expect(checkTemplate(kind, templates[kind][locale]), `${kind} ${locale}`).toEqual([]);
        const filled = render(templates[kind][locale], factsOf(kind));
        expect(`${filled.subject}\n${filled.body}`, `${kind} ${locale}`).not.toMatch(/\{\{|\}\}|—$/);
      }
    }
  });

  it('open and close Indonesian letters in the register of a government letter', () => {
    for (const kind of notificationKinds) {
      expect(templates[kind].id.body, kind).toMatch(/^Yth\. \{\{recipient\}\},\n\nDengan hormat,\n\n/);
      expect(templates[kind].id.body, kind).toMatch(/\n\nHormat kami,\nPanitia Paritrana Award \{\{edition\}\}$/);
    }
  });

  it('each have a name in both languages for the outbox and the template editor, never their code', () => {
    const named = (kinds: Record<string, string>) => notificationKinds.filter((kind) => !kinds[kind] || kinds[kind] === kind);
    expect(named(notificationsId.outboxExtra.kinds)).toEqual([]);
    expect(named(notificationsEn.outboxExtra.kinds)).toEqual([]);
    expect(Object.keys(notificationsId.outboxExtra.kinds).sort()).toEqual([...notificationKinds].sort());
  });
});
