/**
 * The marking of a pool, stage by stage (desk, then interview): a stage opens
 * only after the stages before it are closed; once closed, the panel sees
 * each other's marks; the result is finalised only when every stage is closed.
 */
import { AppError } from '../errors.ts';

export type StageState = 'pending' | 'open' | 'closed';
export type StageStates = Record<string, StageState>;

export function initialStages(stageIds: readonly string[]): StageStates {
  return Object.fromEntries(stageIds.map((id) => [id, 'pending' as const]));
}

const stateOf = (states: StageStates, id: string): StageState => states[id] ?? 'pending';

export function assertCanOpen(stageIds: readonly string[], states: StageStates, stageId: string): void {
  const index = stageIds.indexOf(stageId);
  if (index < 0) throw new AppError('VALIDATION_FAILED', `No stage ${stageId} in the instrument`, [{ path: 'stage', message: 'unknown stage' }]);
  if (stateOf(states, stageId) !== 'pending') throw new AppError('INVALID_TRANSITION', `Stage ${stageId} is already ${stateOf(states, stageId)}`);
  const earlier = stageIds.slice(0, index).filter((id) => stateOf(states, id) !== 'closed');
  if (earlier.length > 0) throw new AppError('INVALID_TRANSITION', `Close stage ${earlier.join(', ')} before opening ${stageId}`);
}

export function assertCanClose(states: StageStates, stageId: string): void {
  if (stateOf(states, stageId) !== 'open') throw new AppError('INVALID_TRANSITION', `Stage ${stageId} is not open`);
}

export function assertCanFinalise(stageIds: readonly string[], states: StageStates): void {
  const notClosed = stageIds.filter((id) => stateOf(states, id) !== 'closed');
  if (notClosed.length > 0) throw new AppError('INVALID_TRANSITION', `Close every stage before finalising (${notClosed.join(', ')} not closed)`);
}

/** The stage being marked now, if any. */
export function openStage(stageIds: readonly string[], states: StageStates): string | null {
  return stageIds.find((id) => stateOf(states, id) === 'open') ?? null;
}

export function isClosed(states: StageStates, stageId: string): boolean {
  return stateOf(states, stageId) === 'closed';
}
