import { describe, expect, it } from 'vitest';
import { matchesFilter } from './filter-match.ts';

const cases = [
  { name: 'the same topic', filter: 'a/b/c', topic: 'a/b/c', expect: true },
  { name: 'another topic', filter: 'a/b/c', topic: 'a/b/d', expect: false },
  { name: '+ for one level', filter: 'a/+/c', topic: 'a/phone-1/c', expect: true },
  { name: '+ is not two levels', filter: 'a/+/c', topic: 'a/b/x/c', expect: false },
  { name: '+ needs its level', filter: 'a/b/+', topic: 'a/b', expect: false },
  { name: '# for the rest', filter: 'a/#', topic: 'a/b/c', expect: true },
  { name: '# for its parent too', filter: 'a/#', topic: 'a', expect: true },
  { name: 'a shorter topic', filter: 'a/b/c', topic: 'a/b', expect: false },
  { name: 'a longer topic', filter: 'a/b', topic: 'a/b/c', expect: false },
  { name: 'no wildcard into $SYS', filter: '#', topic: '$SYS/broker/uptime', expect: false },
  { name: '$SYS named outright', filter: '$SYS/#', topic: '$SYS/broker/uptime', expect: true },
];

describe('MQTT filter matching', () => {
  for (const testCase of cases) {
    it(`says ${testCase.expect ? 'yes' : 'no'} to ${testCase.name}`, () => {
      expect(matchesFilter(testCase.filter, testCase.topic)).toBe(testCase.expect);
    });
  }
});
