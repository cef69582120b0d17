import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../src/cli/run-cli.ts';
import { verifyMosquittoPassword } from '../src/domain/mosquitto-passwd.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (path: string) => `firmware-config/test/fixtures/${path}`;

/** An in-memory world: files given as a map; output collected. */
function fakeIo(files: Record<string, string>) {
  const written = new Map<string, string>();
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readFile: (path) => {
      const content = files[path];
      if (content === undefined) throw new Error(`ENOENT: ${path}`);
      return content;
    },
    writeFile: (path, content) => written.set(path, content),
    randomBytes: (size) => new Uint8Array(size).fill(7),
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
  };
  return { io, written, out, err };
}

const COMPLETE = `version: 1
store: { id: sto_test-cli, name: CLI, timeZone: Europe/Paris }
zones:
  - { id: zon_test-cli-floor, name: Floor, kind: floor, rooms: [cli-floor] }
nodes:
  - { id: node-1, room: cli-floor, firmware: espresense, mqttUsername: node-1 }
`;

describe('layout validate', () => {
  it('says ok with what the layout holds', () => {
    const { io, out } = fakeIo({ 'a.yaml': COMPLETE });
    expect(runCli(['validate', 'a.yaml'], io)).toBe(0);
    expect(out).toEqual(['a.yaml: ok (sto_test-cli: 1 zone, 0 beacons, 1 node, 0 screens)']);
  });

  it('exits 1 with every problem as file:line:col: message', () => {
    const bad = COMPLETE.replace('kind: floor', 'kind: flor').replace(
      'room: cli-floor',
      'room: cli-flor',
    );
    const { io, err } = fakeIo({ 'a.yaml': COMPLETE, 'b.yaml': bad });
    expect(runCli(['validate', 'a.yaml', 'b.yaml'], io)).toBe(1);
    expect(err).toEqual([
      'b.yaml:4:50: zone zon_test-cli-floor: kind must be one of "entrance", "floor", "fitting", "lounge", "counter", "window", "other" (got "flor")',
      'b.yaml:6:25: node node-1: room "cli-flor" maps to no zone; did you mean "cli-floor"?',
    ]);
  });

  it('exits 2 with the usage when the command is incomplete', () => {
    const { io, err } = fakeIo({});
    expect(runCli(['generate', 'a.yaml'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/usage:/);
  });
});

describe('layout generate', () => {
  it('writes the layout JSON, node settings, provisioning sheet and broker files', () => {
    const { io, written } = fakeIo({
      'a.yaml': COMPLETE,
      secrets: 'edge: edge-password-123\nnode-1: node-password-12\n',
    });
    expect(runCli(['generate', 'a.yaml', '--secrets', 'secrets', '--out', 'out'], io)).toBe(0);
    expect([...written.keys()].sort()).toEqual([
      'out/beacons.csv',
      'out/beacons.json',
      'out/espresense-settings.json',
      'out/layout.json',
      'out/mosquitto/acl',
      'out/mosquitto/passwd',
    ]);
    const layout: unknown = JSON.parse(written.get('out/layout.json') ?? '');
    expect(layout).toMatchObject({ store: { id: 'sto_test-cli' }, radio: { pathLossExponent: 3 } });
    const passwd = written.get('out/mosquitto/passwd') ?? '';
    const node = passwd.split('\n').find((line) => line.startsWith('node-1:')) ?? '';
    expect(verifyMosquittoPassword(node.slice('node-1:'.length), 'node-password-12')).toBe(true);
    expect(passwd).not.toContain('node-password-12');
  });

  it('refuses to generate when a node has no password, and writes nothing', () => {
    const { io, written, err } = fakeIo({
      'a.yaml': COMPLETE,
      secrets: 'edge: edge-password-123\n',
    });
    expect(runCli(['generate', 'a.yaml', '--secrets', 'secrets', '--out', 'out'], io)).toBe(1);
    expect(err).toEqual(['secrets: node-1: no password (every node and the edge need one)']);
    expect(written.size).toBe(0);
  });
});

describe('the layout command', () => {
  it('exits 1 on an invalid layout file, listing its problems', async () => {
    const run = promisify(execFile)(
      `${root}node_modules/.bin/tsx`,
      ['firmware-config/src/cli.ts', 'validate', fixture('invalid/wrong-version.yaml')],
      { cwd: root },
    );
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        `${fixture('invalid/wrong-version.yaml')}:3:10: version: unsupported version 2`,
      ),
    });
  });
});
