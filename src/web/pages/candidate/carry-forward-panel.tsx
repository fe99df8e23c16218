import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CarryForwardView, CarryOffer, SelfAssessment } from '../../../shared/contracts/index.ts';
import { formatDate, type Lang } from '../../../shared/i18n/format.ts';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

const statusColor = { offered: 'teal', expired: 'gray', carried: 'grape' } as const;

/**
 * Regulations and agreements of the organisation's previous candidacy: those
 * still in force are carried into the draft in one click; expired ones are
 * listed with the day their validity ended.
 */
export function CarryForwardPanel({ candidateId, version }: { candidateId: string; version: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const view = useQuery({ queryKey: ['carry-forward', candidateId], queryFn: () => get<CarryForwardView>(`/api/candidates/${candidateId}/carry-forward`) });
  const v = view.data;
  if (!v?.from || v.offers.length === 0) return null;
  const offered = v.offers.filter((o) => o.status === 'offered');
  async function carry() {
    setBusy(true);
    try {
      await api<SelfAssessment>('POST', `/api/candidates/${candidateId}/carry-forward`, { version });
      setError(null);
      await Promise.all(['self-assessment', 'carry-forward', 'evidence'].map((key) => client.invalidateQueries({ queryKey: [key, candidateId] })));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const reason = (o: CarryOffer) => {
    if (o.status === 'expired') return t('organisation.carry.expired', { date: o.validUntil ? formatDate(o.validUntil, lang) : '' });
    return o.validUntil ? t('organisation.carry.validUntil', { date: formatDate(o.validUntil, lang) }) : t('organisation.noEnd');
  };
  return (
    <Paper withBorder p="md" data-testid="carry-forward-panel">
      <Stack gap="xs">
        <Text fw={600}>{t('organisation.carry.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('organisation.carry.hint', { edition: v.from.editionLabel })}
        </Text>
        {v.offers.map((o) => (
          <Group key={`${o.section}:${o.entryId}`} gap="xs" wrap="nowrap" align="flex-start" data-offer={`${o.section}:${o.entryId}`} data-status={o.status}>
            <Badge color={statusColor[o.status]} variant="light" style={{ flexShrink: 0 }}>
              {t(`organisation.carry.statuses.${o.status}`)}
            </Badge>
            <div style={{ minWidth: 0 }}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t(o.section === 'regulations' ? `sa.regulationTypes.${o.type}` : `sa.agreementTypes.${o.type}`)} {o.number} · {o.title}
              </Text>
              <Text size="xs" c="dimmed">
                {reason(o)}
                {o.evidenceFiles > 0 ? ` · ${t('organisation.carry.evidence', { count: o.evidenceFiles })}` : ''}
              </Text>
            </div>
          </Group>
        ))}
        <ErrorAlert error={error} />
        {v.canCarry ? (
          <Button w="fit-content" onClick={() => void carry()} loading={busy}>
            {t('organisation.carry.button', { count: offered.length })}
          </Button>
        ) : offered.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('organisation.carry.nothing')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
