import { describe, expect, it } from 'vitest';
import {
  availableMemoryMb,
  checkStageMemory,
  estimateStageMb,
  heapLimitMb,
  MemoryBudgetError,
  STAGE_BYTES_PER_PAPER,
} from '../../lib/cli/memory';

const MEMINFO = `MemTotal:       24576000 kB
MemFree:         1024000 kB
MemAvailable:    8192000 kB
Buffers:            1000 kB
`;

describe('memory budget', () => {
  it('reads MemAvailable from /proc/meminfo text, in MB', () => {
    expect(availableMemoryMb(MEMINFO)).toBe(8000);
  });

  it('answers some positive amount on this machine', () => {
    expect(availableMemoryMb()).toBeGreaterThan(0);
  });

  it('runs the pipeline with three quarters of the machine, and never below 2 GB', () => {
    expect(heapLimitMb(16 * 2 ** 30)).toBe(12 * 1024);
    expect(heapLimitMb(1 * 2 ** 30)).toBe(2048);
  });

  it('estimates a stage from its bytes per paper plus a floor', () => {
    expect(estimateStageMb('model', 0)).toBe(64);
    expect(estimateStageMb('model', 2 ** 20)).toBe(64 + STAGE_BYTES_PER_PAPER.model);
  });

  it('passes when the estimate fits and names the stage, the need and the free memory when it does not', () => {
    expect(() => checkStageMemory('graph', 1000, 4096)).not.toThrow();
    let caught: unknown = null;
    try {
      checkStageMemory('model', 1_000_000, 2048);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MemoryBudgetError);
    const e = caught as MemoryBudgetError;
    expect(e.stage).toBe('model');
    expect(e.neededMb).toBeCloseTo(64 + (STAGE_BYTES_PER_PAPER.model * 1e6) / 2 ** 20, 6);
    expect(e.availableMb).toBe(2048);
    expect(e.message).toMatch(/model stage: it needs about 4\.\d GB more and 2\.0 GB is available/);
    expect(e.message).toContain('previous build is left in place');
  });
});
