import { describe, expect, it } from 'vitest';
import { inTurn } from './in-turn.ts';

describe('inTurn', () => {
  it('starts each read when the one before has ended and returns the results in order', async () => {
    let running = 0;
    let most = 0;
    const started: string[] = [];
    const read = (name: string, ms: number) => async () => {
      started.push(name);
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running -= 1;
      return name.length;
    };
    const [a, b, c] = await inTurn(read('a', 20), read('bb', 5), read('ccc', 1));
    expect([a, b, c]).toEqual([1, 2, 3]);
    expect(started).toEqual(['a', 'bb', 'ccc']);
    expect(most).toBe(1);
  });

  it('stops at the first read that fails', async () => {
    let after = false;
    const failing = inTurn(
      () => Promise.reject(new Error('gone')),
      () => {
        after = true;
        return Promise.resolve(1);
      },
    );
    await expect(failing).rejects.toThrow('gone');
    expect(after).toBe(false);
  });
});
