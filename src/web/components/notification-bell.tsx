import { ActionIcon, Indicator } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useNotifications } from '../pages/notifications/index.tsx';

/** The header's bell: the unread count, opening the notification centre. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useNotifications().data?.unread ?? 0;
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red" disabled={unread === 0} offset={4}>
      <ActionIcon component={Link} to="/notifikasi" variant="subtle" color="gray" size="lg" aria-label={t('notifications.bell', { count: unread })} data-unread={unread}>
        <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
      </ActionIcon>
    </Indicator>
  );
}
