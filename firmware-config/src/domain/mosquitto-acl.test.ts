import { describe, expect, it } from 'vitest';
import { loadLayout } from '../../test/support/layouts.ts';
import { renderAcl } from './mosquitto-acl.ts';

const acl = renderAcl(loadLayout('fixtures/valid/complete.yaml'));

/** The lines of one `user` section, up to the next blank line. */
function section(user: string): string[] {
  const lines = acl.split('\n');
  const start = lines.indexOf(`user ${user}`);
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

describe('the Mosquitto access list', () => {
  it('holds loyalty apps to their own client id with %c patterns, before any user', () => {
    const head = acl.slice(0, acl.indexOf('\nuser '));
    expect(head).toContain('pattern write vitrine/v1/sto_test-complete/app/%c/check-in');
    expect(head).toContain('pattern write vitrine/v1/sto_test-complete/app/%c/ranging');
    expect(head).toContain('pattern read vitrine/v1/sto_test-complete/app/%c/offer');
    expect(head).not.toMatch(/^topic /m);
  });

  it('lets a Vitrine node write only its own topics and read nothing', () => {
    expect(section('node-floor')).toEqual([
      'topic write vitrine/v1/sto_test-complete/node/node-floor/sightings',
      'topic write vitrine/v1/sto_test-complete/node/node-floor/status',
    ]);
  });

  it('lets an ESPresense node write its room and read its own and fleet-wide settings', () => {
    expect(section('node-entrance')).toEqual([
      'topic write vitrine/v1/sto_test-complete/node/node-entrance/sightings',
      'topic write vitrine/v1/sto_test-complete/node/node-entrance/status',
      'topic write espresense/devices/+/complete-entrance',
      'topic write espresense/rooms/complete-entrance/status',
      'topic write espresense/rooms/complete-entrance/telemetry',
      'topic read espresense/rooms/complete-entrance/+/set',
      'topic read espresense/rooms/*/+/set',
    ]);
  });

  it('lets the edge read the whole store and every room, and write settings', () => {
    const edge = section('edge-complete');
    expect(edge).toContain('topic read vitrine/v1/sto_test-complete/node/+/sightings');
    expect(edge).toContain('topic read vitrine/v1/sto_test-complete/app/+/check-in');
    expect(edge).toContain('topic readwrite vitrine/v1/sto_test-complete/associates/alert');
    expect(edge).toContain('topic read espresense/devices/+/complete-floor-back');
    expect(edge).toContain('topic readwrite espresense/rooms/complete-floor/+/set');
    expect(edge.every((line) => !line.includes('#'))).toBe(true);
  });
});
