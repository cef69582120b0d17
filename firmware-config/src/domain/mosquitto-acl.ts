import { type StoreLayout, TOPICS, type TopicName, topicFilter } from '@vitrine/shared';

const TOPIC_NAMES = Object.keys(TOPICS) as TopicName[];

function hasLevel(name: TopicName, level: string): boolean {
  const levels: readonly string[] = TOPICS[name].levels;
  return levels.includes(level);
}

/** Every ESPresense room of the layout, in the zones' order. */
function layoutRooms(layout: StoreLayout): string[] {
  return [...new Set(layout.zones.flatMap((zone) => zone.rooms))];
}

/**
 * The broker's access list for one store, derived from the topic map: who publishes a
 * topic (`from`) decides who may write it. Loyalty apps connect without an account and
 * are held to their own client id (`%c`); the edge reads the whole store; each scanner
 * node writes only its own topics (and, for ESPresense, its room's) and reads only its
 * own settings. Mosquitto denies whatever no line grants.
 */
export function renderAcl(layout: StoreLayout): string {
  const store = layout.store.id;
  const storeTopics = TOPIC_NAMES.filter((name) => hasLevel(name, ':store'));
  const espresenseTopics = TOPIC_NAMES.filter((name) => hasLevel(name, ':room'));
  const lines: string[] = [
    `# Mosquitto ACL for ${store} (${layout.store.name}), generated from the store layout.`,
    '# Regenerate it with `npm run layout -- generate` rather than editing it.',
    '',
    '# Loyalty apps: publish and read only under their own client id.',
  ];

  for (const name of storeTopics.filter((n) => hasLevel(n, ':clientId'))) {
    const access = TOPICS[name].from === 'app' ? 'write' : 'read';
    lines.push(`pattern ${access} ${topicFilter(name, { store, clientId: '%c' })}`);
  }

  lines.push('', '# The edge: reads the whole store, publishes its own topics and node settings.');
  lines.push(`user ${layout.mqtt.edgeUsername}`);
  for (const name of storeTopics) {
    const access = TOPICS[name].from === 'edge' ? 'readwrite' : 'read';
    lines.push(`topic ${access} ${topicFilter(name, { store })}`);
  }
  for (const room of layoutRooms(layout)) {
    for (const name of espresenseTopics) {
      const access = TOPICS[name].from === 'config' ? 'readwrite' : 'read';
      lines.push(`topic ${access} ${topicFilter(name, { room })}`);
    }
  }

  for (const node of layout.nodes) {
    lines.push('', `# Node ${node.id} (${node.firmware}) in room ${node.room}.`);
    lines.push(`user ${node.mqttUsername}`);
    for (const name of storeTopics.filter((n) => TOPICS[n].from === 'node')) {
      lines.push(`topic write ${topicFilter(name, { store, nodeId: node.id })}`);
    }
    if (node.firmware !== 'espresense') continue;
    for (const name of espresenseTopics) {
      if (TOPICS[name].from === 'espresense') {
        lines.push(`topic write ${topicFilter(name, { room: node.room })}`);
      } else if (TOPICS[name].from === 'config') {
        // `*` is the firmware's fleet-wide room: a setting retained there reaches every node.
        lines.push(`topic read ${topicFilter(name, { room: node.room })}`);
        lines.push(`topic read ${topicFilter(name, { room: '*' })}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
