import type { MembersInput } from '../../../shared/contracts/index.ts';

type Member = Pick<MembersInput['members'][number], 'role'>;

/**
 * The role fields (`members.<i>.role`) that break a panel's seats: a panel
 * with members has exactly one chair and at most one secretary. With too few
 * or too many chairs every role is marked (any of them may be the one to
 * change); with two secretaries or more, the secretaries.
 */
export function seatProblems(members: readonly Member[]): string[] {
  if (members.length === 0) return [];
  const chairs = members.filter((m) => m.role === 'chair').length;
  const secretaries = members.filter((m) => m.role === 'secretary').length;
  const marked = new Set<number>();
  if (chairs !== 1) members.forEach((_, i) => marked.add(i));
  if (secretaries > 1) members.forEach((m, i) => m.role === 'secretary' && marked.add(i));
  return [...marked].sort((a, b) => a - b).map((i) => `members.${i}.role`);
}
