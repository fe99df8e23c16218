import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EditionDetail, Province, Shortlist } from '../../../shared/contracts/index.ts';
import { formatNumber, type Lang } from '../../../shared/i18n/format.ts';
import { api, get } from '../../api.ts';
import { useSession } from '../../auth.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldErrors } from '../../field-errors.ts';

const screened = ['pemkab-kota', 'usaha-besar', 'usaha-menengah', 'usaha-kecil-mikro'];

/** A provincial committee reviews the screen's shortlist and nominates in one step. */
export function ShortlistPage() {
  const { id } = useParams({ from: '/app/editions/$id/shortlist' });
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const client = useQueryClient();
  // Where the server says the user runs the committee.
  const admin = me?.committee.national ?? false;
  const own = me?.committee.provinces ?? [];
  const provinces = useQuery({ queryKey: ['provinces'], queryFn: () => get<Province[]>('/api/regions/provinces'), staleTime: Infinity });
  const edition = useQuery({ queryKey: ['edition', id], queryFn: () => get<EditionDetail>(`/api/editions/${id}`) });
  const [province, setProvince] = useState<string | null>(own[0] ?? null);
  const [category, setCategory] = useState<string | null>('pemkab-kota');
  const [chosen, setChosen] = useState<string[]>([]);
  const list = useQuery({
    queryKey: ['shortlist', id, province, category],
    queryFn: () => get<Shortlist>(`/api/editions/${id}/coverage/shortlist?province=${province}&category=${category}`),
    enabled: province != null && category != null,
  });
  // The chosen candidates are not one field: a refused one is listed by the alert.
  const fields = useFieldErrors(['province', 'category'], 'nominate');
  const nominate = useMutation({
    mutationFn: () => api<{ created: number; alreadyNominated: number }>('POST', `/api/editions/${id}/coverage/shortlist/nominate`, { province, category, keys: chosen }),
    onError: fields.refused,
    onSuccess: async () => {
      setChosen([]);
      await client.invalidateQueries({ queryKey: ['shortlist', id] });
    },
  });
  const choices = (provinces.data ?? []).filter((p) => admin || own.includes(p.code));
  const categoryName = (code: string) => {
    const c = edition.data?.categories.find((x) => x.code === code);
    return c ? (lang === 'en' ? c.nameEn : c.nameId) : code;
  };
  return (
    <Stack>
      <AnchorLink to="/editions/$id/coverage" params={{ id }} size="sm">
        ← {t('coverage.title')}
      </AnchorLink>
      <Title order={2}>{t('shortlist.title')}</Title>
      <Text c="dimmed">{t('shortlist.hint')}</Text>
      <Group grow maw={640}>
        <Select label={t('coverage.province')} searchable data={choices.map((p) => ({ value: p.code, label: p.name }))} required value={province} error={fields.errors.province} onChange={(v) => { setProvince(v); setChosen([]); }} />
        <Select label={t('shortlist.category')} data={screened.map((c) => ({ value: c, label: categoryName(c) }))} required value={category} error={fields.errors.category} onChange={(v) => { setCategory(v); setChosen([]); }} />
      </Group>
      <ErrorAlert error={list.error ?? nominate.error} {...fields.alert} />
      {nominate.data ? <Alert color="teal">{t('shortlist.done', { created: nominate.data.created })}</Alert> : null}
      {list.data && !list.data.categoryExists ? <Alert color="yellow">{t('shortlist.missingCategory')}</Alert> : null}
      {list.data && !list.data.snapshot ? <Text>{t('coverage.empty')}</Text> : null}
      {list.data?.snapshot && list.data.entries.length === 0 ? <Text c="dimmed">{t('shortlist.empty')}</Text> : null}
      {list.data && list.data.entries.length > 0 ? (
        <>
          <Table.ScrollContainer minWidth={520}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th>{t('shortlist.rank')}</Table.Th>
                  <Table.Th>{t('setup.name')}</Table.Th>
                  <Table.Th>{t('shortlist.score')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.entries.map((e) => (
                  <Table.Tr key={e.candidateKey}>
                    <Table.Td>
                      {e.nominatedCandidateId ? (
                        <Text size="xs" c="teal">
                          {t('shortlist.nominated')}
                        </Text>
                      ) : (
                        <Checkbox
                          aria-label={e.name}
                          checked={chosen.includes(e.candidateKey)}
                          onChange={(ev) => setChosen(ev.currentTarget.checked ? [...chosen, e.candidateKey] : chosen.filter((k) => k !== e.candidateKey))}
                        />
                      )}
                    </Table.Td>
                    <Table.Td>{e.rank}</Table.Td>
                    <Table.Td>
                      {e.name}
                      <Text size="xs" c="dimmed">
                        {e.candidateKey}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatNumber(e.score, lang, 2)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Button color="teal" w="fit-content" disabled={chosen.length === 0 || !list.data.categoryExists} loading={nominate.isPending} onClick={() => {
              if (fields.check({ province, category })) nominate.mutate();
            }}
          >
            {t('shortlist.nominate', { count: chosen.length })}
          </Button>
        </>
      ) : null}
    </Stack>
  );
}
