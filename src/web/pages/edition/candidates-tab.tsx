import { Stack } from '@mantine/core';
import { CandidateActions, CandidateList } from '../candidates/list.tsx';

/** The candidates of the edition, with the way to nominate, import, verify and follow progress. */
export function CandidatesTab({ editionId }: { editionId: string }) {
  return (
    <Stack>
      <CandidateActions editionId={editionId} />
      <CandidateList editionId={editionId} />
    </Stack>
  );
}
