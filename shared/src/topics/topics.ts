import { PARAMS, type ParamName, TOPICS, type TopicName, type TopicParams } from './topic-map.ts';

function isParamName(name: string): name is ParamName {
  return name in PARAMS;
}

/** The topic string for a topic name and its parameters; throws on an unsafe parameter. */
export function buildTopic<N extends TopicName>(name: N, params: TopicParams<N>): string {
  const values: Record<string, string> = params;
  return TOPICS[name].levels
    .map((level) => {
      if (!level.startsWith(':')) return level;
      const param = level.slice(1);
      const value = values[param];
      if (!isParamName(param) || value === undefined) {
        throw new TypeError(`topic ${name}: missing parameter ${param}`);
      }
      const parsed = PARAMS[param].safeParse(value);
      if (!parsed.success) throw new TypeError(`topic ${name}: invalid ${param} "${value}"`);
      return value;
    })
    .join('/');
}

/**
 * A subscription filter for a topic: the given parameters are fixed, the others become
 * `+` wildcards. `topicFilter('checkIn', { store })` → `vitrine/v1/<store>/app/+/check-in`.
 */
export function topicFilter<N extends TopicName>(
  name: N,
  params: Partial<TopicParams<N>> = {},
): string {
  const values: Record<string, string | undefined> = params;
  return TOPICS[name].levels
    .map((level) => (level.startsWith(':') ? (values[level.slice(1)] ?? '+') : level))
    .join('/');
}

export interface ParsedTopic<N extends TopicName = TopicName> {
  name: N;
  params: TopicParams<N>;
}

/** Which topic a string is, with its parameters; null for a topic that is not ours. */
export function parseTopic(topic: string): ParsedTopic | null {
  const levels = topic.split('/');
  for (const name of Object.keys(TOPICS) as TopicName[]) {
    const params = matchLevels(TOPICS[name].levels, levels);
    if (params) return { name, params } as ParsedTopic;
  }
  return null;
}

function matchLevels(pattern: readonly string[], levels: string[]): Record<string, string> | null {
  if (pattern.length !== levels.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string;
    const actual = levels[i] as string;
    if (expected.startsWith(':')) {
      const param = expected.slice(1);
      if (!isParamName(param) || !PARAMS[param].safeParse(actual).success) return null;
      params[param] = actual;
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
}
