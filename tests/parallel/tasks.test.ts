import { describe, expect, it } from 'vitest';
import { TASKS } from '../../lib/parallel/tasks';

describe('TASKS', () => {
  it('names modules in lib/ with the extension of this build', () => {
    const lib = new URL('../../lib/', import.meta.url).href;
    expect(TASKS.scanShare).toEqual({ module: `${lib}text/scan.ts`, name: 'scanShare' });
    for (const task of Object.values(TASKS)) expect(task.module.startsWith(lib)).toBe(true);
  });

  it('names a function every task module exports, as a worker finds it', async () => {
    for (const [key, task] of Object.entries(TASKS)) {
      expect(task.name).toBe(key);
      const mod = (await import(task.module)) as Record<string, unknown>;
      expect(typeof mod[task.name], `${task.module} ${task.name}`).toBe('function');
    }
  });
});
