import { describe, expect, test } from 'vitest';
import { particleCount, particlePlan } from './particle-plan.js';

describe('particleCount', () => {
  test('shows every reaction while there are few, then grows slowly, within the free slots', () => {
    expect([0, 1, 5, 10].map((count) => particleCount(count, 100))).toEqual([0, 1, 5, 10]);
    expect(particleCount(50, 100)).toBe(17);
    expect(particleCount(5_000, 100)).toBe(37);
    expect(particleCount(5_000_000, 100)).toBeLessThan(70);
    expect(particleCount(5_000, 12)).toBe(12);
    expect(particleCount(5, 0)).toBe(0);
  });
});

describe('particlePlan', () => {
  test('shares the particles in proportion to the counts, mixing the kinds', () => {
    const plan = particlePlan({ heart: 5_000, fire: 1_000 }, 12);
    expect(plan).toHaveLength(12);
    expect(plan.filter((kind) => kind === 'heart')).toHaveLength(10);
    expect(plan.slice(0, 2)).toEqual(['heart', 'fire']);
  });

  test('gives a particle to every kind that came in, while there is room', () => {
    const plan = particlePlan({ heart: 10_000, wow: 1, clap: 2 }, 5);
    expect(plan).toHaveLength(5);
    expect(new Set(plan)).toEqual(new Set(['heart', 'wow', 'clap']));
    expect(particlePlan({ heart: 10, wow: 1, clap: 2 }, 2)).toEqual(['heart', 'clap']);
  });

  test('shows nothing for no reactions, no room, or counts that are not counts', () => {
    expect(particlePlan({}, 10)).toEqual([]);
    expect(particlePlan({ heart: 3 }, 0)).toEqual([]);
    expect(particlePlan({ heart: -1, fire: Number.NaN }, 10)).toEqual([]);
    expect(particlePlan({ heart: 3 }, 10)).toEqual(['heart', 'heart', 'heart']);
  });
});
