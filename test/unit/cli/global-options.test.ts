import { describe, expect, it } from 'vitest';
import { splitLeadingGlobalOptions } from '../../../main/cli/global-options';

describe('splitLeadingGlobalOptions', () => {
  it('takes --json, --help, -h and --data-dir (both spellings) off the front', () => {
    expect(splitLeadingGlobalOptions(['--data-dir', '/d', '--json', 'customers', 'list'])).toEqual({
      leading: ['--data-dir', '/d', '--json'],
      rest: ['customers', 'list'],
    });
    expect(splitLeadingGlobalOptions(['--data-dir=/d', '-h', 'report'])).toEqual({
      leading: ['--data-dir=/d', '-h'],
      rest: ['report'],
    });
  });

  it('leaves everything after the first word where it is', () => {
    expect(splitLeadingGlobalOptions(['customers', 'list', '--json', '--data-dir', '/d'])).toEqual({
      leading: [],
      rest: ['customers', 'list', '--json', '--data-dir', '/d'],
    });
  });

  it('stops at an option that is not global, so the command line reports it', () => {
    expect(splitLeadingGlobalOptions(['--json', '--status', 'sent', 'customers', 'list'])).toEqual({
      leading: ['--json'],
      rest: ['--status', 'sent', 'customers', 'list'],
    });
  });

  it('keeps a trailing --data-dir without a value, for the parser to refuse', () => {
    expect(splitLeadingGlobalOptions(['--data-dir'])).toEqual({ leading: ['--data-dir'], rest: [] });
    expect(splitLeadingGlobalOptions([])).toEqual({ leading: [], rest: [] });
  });
});
