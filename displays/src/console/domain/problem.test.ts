import { describe, expect, it } from 'vitest';
import { errorAt, errorSummary, readProblem } from './problem.ts';

describe('a cloud problem', () => {
  it('puts each field message under the path the cloud names', () => {
    const problem = readProblem(400, {
      error: {
        code: 'validation_failed',
        message: 'invalid campaign',
        fields: [
          { path: 'schedule.windows.0.end', message: 'must differ from the start' },
          { path: 'name', message: 'too short' },
          { path: 'name', message: 'required' },
        ],
      },
    });
    expect(problem.message).toBe('invalid campaign');
    expect(errorAt(problem.fields, 'schedule.windows.0.end')).toBe('must differ from the start');
    expect(errorAt(problem.fields, 'name')).toBe('too short; required');
    expect(errorAt(problem.fields, 'schedule')).toBeUndefined();
    expect(errorSummary(problem.fields)).toEqual([
      'schedule.windows.0.end: must differ from the start',
      'name: too short; required',
    ]);
  });

  it('says what the status means when the body is no problem', () => {
    expect(readProblem(401, '<html>')).toEqual({
      status: 401,
      message: 'Your session has expired: log in again.',
      fields: {},
    });
    expect(readProblem(502, null).message).toBe('The cloud answered 502.');
  });
});
