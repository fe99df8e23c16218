import { useState } from 'react';
import { Anchor, FileButton, Button, Group, List, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EvidenceSummary } from '../../../shared/contracts/index.ts';
import { formatNumber, type Lang } from '../../../shared/i18n/format.ts';
import { get, upload } from '../../api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

export const useEvidence = (candidateId: string) =>
  useQuery({ queryKey: ['evidence', candidateId], queryFn: () => get<EvidenceSummary[]>(`/api/candidates/${candidateId}/evidence`) });

/** The candidate's evidence files: upload (checked by content on the server) and open. */
export function EvidencePanel({ candidateId, canUpload, closed }: { candidateId: string; canUpload: boolean; closed: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const evidence = useEvidence(candidateId);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function send(file: File | null) {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      await upload(`/api/candidates/${candidateId}/evidence`, form);
      await client.invalidateQueries({ queryKey: ['evidence', candidateId] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack>
      <ErrorAlert error={error} />
      {canUpload && closed ? <Text c="dimmed">{t('candidate.evidenceClosed')}</Text> : null}
      {canUpload && !closed ? (
        <Group>
          <FileButton onChange={(f) => void send(f)} accept="application/pdf,image/png,image/jpeg,.xlsx">
            {(props) => (
              <Button {...props} loading={busy} variant="light">
                {t('candidate.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
      ) : null}
      {evidence.data?.length === 0 ? <Text c="dimmed">{t('candidate.noEvidence')}</Text> : null}
      <List>
        {(evidence.data ?? []).map((e) => (
          <List.Item key={e.id}>
            <Anchor href={`/api/evidence/${e.id}`} target="_blank" rel="noopener">
              {e.originalName}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              {e.type.toUpperCase()} · {formatNumber(Math.ceil(e.bytes / 1024), i18n.language as Lang)} KB · SHA-256 {e.sha256.slice(0, 10)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
