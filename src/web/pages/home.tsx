import { Center, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, Navigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth.tsx';
import { useCandidacies, type Candidacy } from '../candidacies.ts';
import { useCurrentEditionState } from '../current-edition.ts';
import { EditionsPage } from './editions.tsx';
import { ObserverHome } from './observer/index.tsx';

/** Where a role starts its work (`wait`: the editions are still being read). */
export type Landing = { kind: 'editions' } | { kind: 'observer' } | { kind: 'province' | 'queue'; editionId: string } | { kind: 'marking' } | { kind: 'candidacies' } | { kind: 'wait' };

/**
 * The start page of each role: the national admin the editions; a provincial
 * admin its province's candidates in the current edition; a verifier its
 * queue; a juror its assessments; a candidate its candidacy (one list when it
 * has several, labelled by level); an observer the page of what it watches.
 * A person with several roles lands where the widest of them works.
 */
export function landingOf(roles: readonly { role: string }[], canVerify: boolean, editionId: string | null, editionsLoaded: boolean): Landing {
  const has = (role: string) => roles.some((r) => r.role === role);
  if (has('national_admin')) return { kind: 'editions' };
  const needsEdition = has('provincial_admin') || (canVerify && (has('verifier') || has('national_verifier')));
  if (needsEdition && !editionsLoaded) return { kind: 'wait' };
  if (has('provincial_admin') && editionId) return { kind: 'province', editionId };
  if ((has('verifier') || has('national_verifier')) && canVerify && editionId) return { kind: 'queue', editionId };
  if (has('juror')) return { kind: 'marking' };
  if (roles.length > 0 && roles.every((r) => r.role === 'candidate')) return { kind: 'candidacies' };
  if (roles.length > 0 && roles.every((r) => r.role === 'observer')) return { kind: 'observer' };
  return { kind: 'editions' };
}

const waiting = (
  <Center mih="40vh">
    <Loader aria-label="…" />
  </Center>
);

/** `/`: sends each role to its own work. */
export function Home() {
  const { me } = useSession();
  const roles = me?.user.roles ?? [];
  const candidateOnly = roles.length > 0 && roles.every((r) => r.role === 'candidate');
  const editions = useCurrentEditionState(!candidateOnly);
  const landing = landingOf(roles, me?.abilities.verify ?? false, editions.edition?.id ?? null, editions.loaded);
  switch (landing.kind) {
    case 'wait':
      return waiting;
    case 'province':
      return <Navigate to="/editions/$id/candidates" params={{ id: landing.editionId }} replace />;
    case 'queue':
      return <Navigate to="/editions/$id/verification" params={{ id: landing.editionId }} replace />;
    case 'marking':
      return <Navigate to="/penilaian" replace />;
    case 'candidacies':
      return <MyCandidacies />;
    case 'observer':
      return <ObserverHome />;
    default:
      return <EditionsPage />;
  }
}

/** A candidate's candidacies: straight to the one, or one list of several, each named by its level. */
function MyCandidacies() {
  const { t } = useTranslation();
  const list = useCandidacies(t);
  if (list === null) return waiting;
  if (list.length === 1) return <Navigate to="/candidates/$id" params={{ id: list[0]!.id }} replace />;
  return <CandidacyList list={list} />;
}

function CandidacyList({ list }: { list: Candidacy[] }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('landing.myCandidacies')}</Title>
      <Text size="sm">{t('landing.myCandidaciesHint')}</Text>
      {list.length === 0 ? (
        <Paper withBorder p="xl">
          <Text>{t('landing.noCandidacy')}</Text>
        </Paper>
      ) : (
        <Stack gap="sm" data-candidacies>
          {list.map((c) => (
            <Paper key={c.id} withBorder p="md" data-candidacy={c.level}>
              <Link to="/candidates/$id" params={{ id: c.id }} style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                {c.name} · {c.levelLabel}
              </Link>
              <Table variant="vertical" fz="sm" mt="xs" withRowBorders={false}>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={90}>{t('landing.candidacyLevel')}</Table.Th>
                    <Table.Td>{c.levelLabel}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th w={90}>{t('landing.candidacyEdition')}</Table.Th>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.editionLabel}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
