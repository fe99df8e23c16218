import { Badge, Table, Text } from '@mantine/core';

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CandidateSummary } from '../../../shared/contracts/index.ts';
import { get } from '../../api.ts';
import { AnchorLink } from '../../components/links.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';

/** The candidates of the edition the user may see (the server scopes the list). */
export function CandidatesTab({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['candidates', editionId], queryFn: () => get<CandidateSummary[]>(`/api/editions/${editionId}/candidates`) });
  if (list.error) return <ErrorAlert error={list.error} />;
  if (list.data?.length === 0) return <Text c="dimmed">{t('common.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('setup.name')}</Table.Th>
            <Table.Th>{t('shortlist.category')}</Table.Th>
            <Table.Th>{t('coverage.province')}</Table.Th>
            <Table.Th>{t('editions.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <AnchorLink to="/candidates/$id" params={{ id: c.id }}>
                  {c.name}
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  {c.regencyCode ?? c.npp ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>{c.categoryCode}</Table.Td>
              <Table.Td>{c.provinceCode}</Table.Td>
              <Table.Td>
                <Badge variant="light">{c.status}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
